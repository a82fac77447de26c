"""`make messages`: the translation catalogues made again from the source.

French is the source of truth for wording, so the msgids are the French
texts themselves; the French catalogue only repeats them (it carries the
French plural rule, which Django applies only to entries it finds), and the
English catalogue holds the translations.

Each app keeps its own catalogue in <app>/locale, the project's own files
(templates, template tags, scale, analysis, documents, static JS) theirs in
abaque/locale: a change to one app touches one app's catalogue. Locations
are written without line numbers so that a moved line changes nothing.

    python -m abaque.messages            # every catalogue
    python -m abaque.messages meetings   # one app's
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent  # src/abaque
APPS = ("accounts", "meetings", "live", "debate", "online", "reports", "plans", "transfer")
PROJECT = "abaque"  # the files outside the apps
LANGUAGES = ("en", "fr")
SOURCE_LANGUAGE = "fr"


def folder(name: str) -> Path:
    return ROOT if name == PROJECT else ROOT / name


def catalogues(name: str) -> list[Path]:
    """Every .po file of an app (or of the project's own files)."""
    return sorted((folder(name) / "locale").glob("*/LC_MESSAGES/*.po"))


def has_javascript(name: str) -> bool:
    static = folder(name) / "static"
    if name != PROJECT:
        return any(static.rglob("*.js"))
    return any(p for p in (static / "abaque").rglob("*.js"))


def makemessages_command():
    """Django's makemessages, also collecting the texts the pure analysis
    marks with N_ (abaque/analysis/text.py): it cannot import gettext_noop.
    No fuzzy matching: a new French text gets an empty English one, which the
    catalogue check reports, never a neighbour's translation taken for it."""
    from django.core.management.commands.makemessages import Command

    class WithAnalysisMarker(Command):
        xgettext_options = [*Command.xgettext_options, "--keyword=N_"]
        msgmerge_options = [*Command.msgmerge_options, "--no-fuzzy-matching"]

    return WithAnalysisMarker()


def make(name: str) -> None:
    from django.core.management import call_command
    from django.test.utils import override_settings

    base = folder(name)
    (base / "locale").mkdir(exist_ok=True)
    ignore = ["migrations", "vendor", "tests"]
    if name == PROJECT:
        ignore += list(APPS)
    domains = ["django"] + (["djangojs"] if has_javascript(name) else [])
    for po in (base / "locale" / SOURCE_LANGUAGE / "LC_MESSAGES").glob("*.po"):
        po.unlink()  # made again whole: a reworded French text is never left fuzzy
    cwd = os.getcwd()
    os.chdir(base)
    try:
        # No LOCALE_PATHS: makemessages then writes to ./locale, this app's.
        with override_settings(LOCALE_PATHS=[base / "locale"] if name == PROJECT else []):
            for domain in domains:
                call_command(
                    makemessages_command(),
                    locale=list(LANGUAGES),
                    domain=domain,
                    ignore_patterns=ignore,
                    add_location="file",
                    no_obsolete=True,
                    verbosity=0,
                )
    finally:
        os.chdir(cwd)
    for po in (base / "locale" / SOURCE_LANGUAGE / "LC_MESSAGES").glob("*.po"):
        subprocess.run(["msgen", "-o", str(po), str(po)], check=True)  # every msgstr is its msgid
    for po in catalogues(name):
        settle_header(po)
        compile_catalogue(po)


def settle_header(po: Path) -> None:
    """One fixed header, with no creation date: making the catalogues again
    changes nothing when no text changed (and two branches never clash on it).
    makemessages marks a new header fuzzy, which msgfmt would ignore."""
    text = po.read_text(encoding="utf-8")
    start = text.index('msgid ""\n')
    end = text.index("\n\n", start)
    plural = next(line for line in text[start:end].splitlines() if line.startswith('"Plural-Forms:'))
    language = po.parent.parent.name
    header = "\n".join(
        [
            f"# Abaque: {language} catalogue, made by `make messages` (abaque/messages.py).",
            'msgid ""',
            'msgstr ""',
            '"Project-Id-Version: Abaque\\n"',
            f'"Language: {language}\\n"',
            '"MIME-Version: 1.0\\n"',
            '"Content-Type: text/plain; charset=UTF-8\\n"',
            '"Content-Transfer-Encoding: 8bit\\n"',
            plural,
        ]
    )
    po.write_text(header + text[end:], encoding="utf-8")


def compile_catalogue(po: Path) -> None:
    # The .mo files are committed, as Django does: running Abaque needs no gettext.
    subprocess.run(
        ["msgfmt", "--check-format", "--check-domain", "-o", str(po.with_suffix(".mo")), str(po)], check=True
    )


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "abaque.settings")
    import django

    django.setup()
    names = argv or [*APPS, PROJECT]
    unknown = [n for n in names if n not in (*APPS, PROJECT)]
    if unknown:
        print(f"Inconnu : {', '.join(unknown)} (choix : {', '.join((*APPS, PROJECT))})", file=sys.stderr)
        return 2
    for name in names:
        make(name)
        print(f"{name}: {', '.join(str(p.relative_to(ROOT)) for p in catalogues(name))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
