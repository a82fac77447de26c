"""The data folder and everything in it are for the owner only, and the
default folder does not depend on where Abaque is started from."""

import os
import stat
import subprocess
import sys

from abaque.files import private_dir, restrict_tree, write_private
from abaque.settings import default_data_dir
from tests.live.test_serve import abaque, read_until

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def test_a_key_file_is_owner_only_from_its_creation(tmp_path):
    old = os.umask(0)  # even with a permissive umask
    try:
        write_private(tmp_path / "secret_key", "x")
    finally:
        os.umask(old)
    assert mode(tmp_path / "secret_key") == 0o600


def test_existing_files_and_folders_are_made_owner_only(tmp_path):
    (tmp_path / "media" / "debats").mkdir(parents=True)
    for path in ("abaque.sqlite3", "abaque.sqlite3-wal", "media/debats/tour1.webm"):
        (tmp_path / path).write_text("")
        os.chmod(tmp_path / path, 0o644)
    os.chmod(tmp_path / "media", 0o755)
    restrict_tree(tmp_path)
    assert mode(tmp_path / "media") == mode(tmp_path / "media" / "debats") == 0o700
    assert {mode(tmp_path / p) for p in ("abaque.sqlite3", "abaque.sqlite3-wal", "media/debats/tour1.webm")} == {0o600}
    assert mode(private_dir(tmp_path / "new")) == 0o700


def test_the_default_data_folder_is_the_checkouts_whatever_the_current_folder(tmp_path):
    code = "import abaque.settings as s; print(s.DATA_DIR)"
    env = {k: v for k, v in os.environ.items() if k not in ("ABAQUE_DATA_DIR", "DATABASE_URL")}
    env["PYTHONPATH"] = os.path.join(ROOT, "src")
    printed = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
    )
    assert printed.stdout.strip() == os.path.join(ROOT, "data")
    assert not (tmp_path / "data").exists()


def test_an_installed_package_keeps_its_data_in_the_users_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_data_dir(tmp_path / "site-packages" / "abaque") == tmp_path / "abaque"


def test_serve_prints_the_data_folder_and_leaves_it_owner_only(tmp_path):
    data_dir = tmp_path / "donnees"
    migrate = abaque(data_dir, "migrate", "--noinput")
    assert migrate.wait(timeout=120) == 0, migrate.stderr.read()
    os.chmod(data_dir / "abaque.sqlite3", 0o644)  # as left by an older version
    process = abaque(data_dir, "serve", "--port", "0")
    try:
        out = read_until(process, "Ctrl+C")
        assert f"Données (base, enregistrements, clé secrète) : {data_dir}" in out
        assert mode(data_dir) == 0o700
        for path in data_dir.iterdir():
            if path.is_file():
                assert mode(path) == 0o600, path
    finally:
        process.terminate()
        process.wait(timeout=20)
