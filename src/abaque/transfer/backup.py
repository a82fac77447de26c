"""Backing up a whole installation while it runs, and restoring it.

The database is copied consistently (SQLite's online backup API: one step,
a snapshot that writers in WAL mode do not disturb; pg_dump for
PostgreSQL), then the media files. The secret key goes in only on request:
a backup holding it must be kept as secret as the server itself."""

import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
import zipfile
from pathlib import Path
from urllib.parse import quote

from django.conf import settings
from django.db import connections
from django.utils import timezone
from django.utils.translation import gettext as _

from .archive import app_version

FORMAT = "abaque-backup"
FORMAT_VERSION = 1
MANIFEST = "backup.json"
SQLITE_NAME = "database/abaque.sqlite3"
DUMP_NAME = "database/dump.sql"
MEDIA_PREFIX = "media/"
KEY_NAME = "secret_key"


class BackupError(Exception):
    """A backup that cannot be made or restored; the message is for the user."""


def _database():
    return settings.DATABASES["default"]


def _is_sqlite() -> bool:
    return _database()["ENGINE"].endswith("sqlite3")


def _pg_url() -> str:
    db = _database()
    return f"postgresql://{quote(db['USER'])}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{quote(db['NAME'])}"


def _pg(tool, *args):
    # The password goes by the environment: a command line is visible to every user of the machine.
    env = {**os.environ, "PGPASSWORD": _database()["PASSWORD"]}
    try:
        done = subprocess.run([tool, *args], capture_output=True, check=False, env=env)
    except FileNotFoundError:
        raise BackupError(
            _("%(tool)s est introuvable : installez les outils clients de PostgreSQL.") % {"tool": tool}
        ) from None
    if done.returncode:
        raise BackupError(
            _("%(tool)s a échoué : %(error)s") % {"tool": tool, "error": done.stderr.decode(errors="replace").strip()}
        )
    return done.stdout


def backup(out: Path, with_secret_key: bool = False) -> dict:
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": app_version(),
        "created_at": timezone.now().isoformat(),
        "database": "sqlite" if _is_sqlite() else "postgresql",
        "secret_key": with_secret_key,
    }
    with tempfile.TemporaryDirectory() as tmp, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        if _is_sqlite():
            copy = Path(tmp) / "abaque.sqlite3"
            source = sqlite3.connect(_database()["NAME"], timeout=20)
            target = sqlite3.connect(copy)
            with target:
                source.backup(target)  # pages=-1: the whole database in one consistent step
            source.close()
            target.close()
            zf.write(copy, SQLITE_NAME)
        else:
            zf.writestr(DUMP_NAME, _pg("pg_dump", "--no-owner", "--clean", "--if-exists", "-d", _pg_url()))
        media = Path(settings.MEDIA_ROOT)
        for path in sorted(media.rglob("*")) if media.exists() else []:
            if path.is_file():
                zf.write(path, MEDIA_PREFIX + path.relative_to(media).as_posix())
        if with_secret_key:
            zf.writestr(KEY_NAME, settings.SECRET_KEY)
        zf.writestr(MANIFEST, json.dumps(manifest, indent=1))
    return manifest


def data_in_place() -> bool:
    """Is there anything a restore would overwrite?"""
    media = Path(settings.MEDIA_ROOT)
    if media.exists() and any(p.is_file() for p in media.rglob("*")):
        return True
    if _is_sqlite():
        path = Path(_database()["NAME"])
        return path.exists() and path.stat().st_size > 0
    connection = connections["default"]
    with connection.cursor() as cursor:
        if "auth_user" not in connection.introspection.table_names(cursor):
            return False
        cursor.execute("SELECT EXISTS (SELECT 1 FROM auth_user)")
        return bool(cursor.fetchone()[0])


def _open(path) -> tuple[zipfile.ZipFile, dict]:
    try:
        zf = zipfile.ZipFile(path)
        manifest = json.loads(zf.read(MANIFEST))
        bad = zf.testzip()
    except FileNotFoundError:
        raise BackupError(_("Fichier introuvable : %(path)s") % {"path": path}) from None
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, EOFError):
        raise BackupError(
            _("Ce fichier n'est pas une sauvegarde Abaque lisible : il est endommagé, tronqué ou d'un autre format.")
        ) from None
    if bad is not None:
        raise BackupError(_("La sauvegarde est endommagée (%(name)s illisible).") % {"name": bad})
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(_("Ce fichier n'est pas une sauvegarde Abaque."))
    if not isinstance(manifest.get("format_version"), int) or manifest["format_version"] > FORMAT_VERSION:
        raise BackupError(
            _("Cette sauvegarde vient d'une version plus récente d'Abaque : mettez Abaque à jour pour la restaurer.")
        )
    for name in zf.namelist():
        if name.startswith("/") or ".." in name.split("/") or "\\" in name:
            raise BackupError(_("La sauvegarde contient des noms de fichiers dangereux : elle est refusée."))
    return zf, manifest


def restore(path, force: bool = False) -> dict:
    zf, manifest = _open(path)
    expected = "sqlite" if _is_sqlite() else "postgresql"
    if manifest.get("database") != expected:
        raise BackupError(
            _("Cette sauvegarde est d'une base %(found)s, cette installation utilise %(expected)s.")
            % {"found": manifest.get("database"), "expected": expected}
        )
    if not force and data_in_place():
        raise BackupError(
            _(
                "Le dossier de données %(folder)s n'est pas vide (sa base ou ses enregistrements) : "
                "la restauration l'écraserait. "
                "Relancez avec --force si c'est bien ce que vous voulez."
            )
            % {"folder": settings.DATA_DIR}
        )
    connections.close_all()
    if _is_sqlite():
        target = Path(_database()["NAME"])
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".restoring")
        with zf.open(SQLITE_NAME) as source, open(partial, "wb") as out:
            shutil.copyfileobj(source, out)
        for suffix in ("-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        os.replace(partial, target)
    else:
        with tempfile.NamedTemporaryFile(suffix=".sql") as dump:
            dump.write(zf.read(DUMP_NAME))
            dump.flush()
            _pg("psql", "-v", "ON_ERROR_STOP=1", "-q", "-d", _pg_url(), "-f", dump.name)
    media = Path(settings.MEDIA_ROOT)
    if force and media.exists():
        shutil.rmtree(media)
    for name in zf.namelist():
        if name.startswith(MEDIA_PREFIX) and not name.endswith("/"):
            destination = media / name[len(MEDIA_PREFIX) :]
            destination.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(name) as source, open(destination, "wb") as out:
                shutil.copyfileobj(source, out)
    if KEY_NAME in zf.namelist():
        key = Path(settings.DATA_DIR) / "secret_key"
        key.write_bytes(zf.read(KEY_NAME))
        key.chmod(0o600)
    return manifest
