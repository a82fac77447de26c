"""The README's configuration table names every variable settings.py reads."""

import re
from pathlib import Path

import abaque.settings

ROOT = Path(__file__).resolve().parents[1]


def variables_read_by_settings() -> set[str]:
    source = Path(abaque.settings.__file__).read_text()
    return set(re.findall(r'\benv(?:_bool|_list|_int)?\(\s*"([A-Z][A-Z0-9_]*)"', source)) | set(
        re.findall(r'os\.environ(?:\.get)?[\[(]\s*"([A-Z][A-Z0-9_]*)"', source)
    )


def variables_in_readme_table() -> set[str]:
    section = ROOT.joinpath("README.md").read_text().split("## Configuration", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return {name for row in rows for name in re.findall(r"`([A-Z][A-Z0-9_]*)`", row.split("|")[1])}


def test_settings_reads_variables_at_all():
    assert {"DATABASE_URL", "REDIS_URL", "ABAQUE_DATA_DIR"} <= variables_read_by_settings()


def test_every_variable_of_the_settings_is_in_the_readme_table():
    assert variables_read_by_settings() - variables_in_readme_table() == set()
