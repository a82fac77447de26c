"""The archive file: one zip holding `archive.json` (documented in
docs/archive.md) and the files it names (recordings). Reading checks
everything before anything is extracted: a damaged, truncated, foreign or
too-new archive is refused with a French message."""

import base64
import io
import json
import zipfile
from datetime import date, datetime
from decimal import Decimal
from importlib.metadata import PackageNotFoundError, version
from uuid import UUID

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = "abaque-archive"
FORMAT_VERSION = 1  # raise it when a reader of today could not read the new layout
JSON_NAME = "archive.json"
FILES_PREFIX = "files/"

# Bounds for an uploaded archive: a debate's recordings fit, a zip bomb does not.
ARCHIVE_MAX_BYTES = 200 * 1024 * 1024
ARCHIVE_MAX_UNCOMPRESSED = 1024 * 1024 * 1024
ARCHIVE_MAX_MEMBERS = 10_000
JSON_MAX_BYTES = 200 * 1024 * 1024


class ArchiveError(Exception):
    """An archive that cannot be read or imported; the message is for the user."""


def app_version() -> str:
    try:
        return version("abaque")
    except PackageNotFoundError:
        return "inconnue"


# --- rows <-> JSON -----------------------------------------------------------


def fields_of(model, skip=()):
    return [f for f in model._meta.concrete_fields if f.name not in skip and f.attname not in skip]


def encode(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    return value


def decode(field, value):
    """A JSON value back to what the field stores."""
    if value is None:
        return None
    if isinstance(field, models.BinaryField):
        return base64.b64decode(value)
    if isinstance(field, models.JSONField | models.FileField):
        return value
    value = field.to_python(value)
    if isinstance(field, models.DateTimeField) and timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


def dump_rows(queryset, skip=()):
    fields = fields_of(queryset.model, skip)
    return [{f.attname: encode(getattr(row, f.attname)) for f in fields} for row in queryset.order_by("pk")]


# --- the zip -----------------------------------------------------------------


def write(payload: dict, files: dict[str, bytes], out) -> None:
    """Write the archive to a path or a binary file object."""
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": app_version(),
        "created_at": timezone.now().isoformat(),
        **payload,
    }
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(JSON_NAME, json.dumps(document, ensure_ascii=False, indent=1))
        for name, content in files.items():
            zf.writestr(name, content)


def _safe_name(name: str) -> bool:
    parts = name.split("/")
    return name == JSON_NAME or (
        name.startswith(FILES_PREFIX)
        and not name.startswith("/")
        and ".." not in parts
        and "\\" not in name
        and "" not in parts
    )


class Archive:
    """A checked archive: its JSON document and a way to read its files."""

    def __init__(self, document: dict, zf: zipfile.ZipFile):
        self.document = document
        self._zf = zf

    def file(self, name: str) -> bytes:
        name = FILES_PREFIX + name
        try:
            info = self._zf.getinfo(name)
        except KeyError:
            raise ArchiveError(
                _("L'archive est incomplète : le fichier « %(name)s » manque.") % {"name": name}
            ) from None
        return _read_member(self._zf, info)


def _read_member(zf, info) -> bytes:
    try:
        with zf.open(info) as member:
            data = member.read(info.file_size + 1)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:
        raise ArchiveError(_("L'archive est endommagée (%(name)s illisible).") % {"name": info.filename}) from error
    if len(data) != info.file_size:
        raise ArchiveError(
            _("L'archive est endommagée (%(name)s n'a pas la taille annoncée).") % {"name": info.filename}
        )
    return data


def read(source) -> Archive:
    """Open and check an archive (a path or a binary file object)."""
    try:
        zf = zipfile.ZipFile(source)
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise ArchiveError(
            _(
                "Ce fichier n'est pas une archive Abaque lisible : il est endommagé, tronqué, "
                "ou ce n'est pas un fichier zip."
            )
        ) from None
    if len(infos) > ARCHIVE_MAX_MEMBERS:
        raise ArchiveError(
            _("L'archive contient trop de fichiers (%(n)s, au plus %(most)s).")
            % {"n": len(infos), "most": ARCHIVE_MAX_MEMBERS}
        )
    if sum(info.file_size for info in infos) > ARCHIVE_MAX_UNCOMPRESSED:
        raise ArchiveError(
            _("L'archive décompressée dépasserait %(mb)s Mo : elle est refusée.")
            % {"mb": ARCHIVE_MAX_UNCOMPRESSED // (1024 * 1024)}
        )
    names = [info.filename for info in infos]
    if JSON_NAME not in names:
        raise ArchiveError(_("Ce fichier zip n'est pas une archive Abaque (il ne contient pas archive.json)."))
    if not all(_safe_name(name) for name in names):
        raise ArchiveError(_("L'archive contient des noms de fichiers dangereux ou inattendus : elle est refusée."))
    info = zf.getinfo(JSON_NAME)
    if info.file_size > JSON_MAX_BYTES:
        raise ArchiveError(_("La description de l'archive est trop volumineuse."))
    try:
        document = json.loads(_read_member(zf, info).decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ArchiveError(_("L'archive est endommagée : sa description (archive.json) est illisible.")) from None
    check_document(document)
    return Archive(document, zf)


def check_document(document) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ArchiveError(_("Ce fichier n'est pas une archive Abaque (format inconnu)."))
    found = document.get("format_version")
    if not isinstance(found, int) or found < 1:
        raise ArchiveError(_("L'archive est endommagée : sa version de format est illisible."))
    if found > FORMAT_VERSION:
        raise ArchiveError(
            _(
                "Cette archive vient d'une version plus récente d'Abaque (format %(found)s, "
                "cette installation lit jusqu'au format %(known)s). Mettez Abaque à jour pour l'importer."
            )
            % {"found": found, "known": FORMAT_VERSION}
        )
    if document.get("kind") not in ("seance", "demarche") or not isinstance(document.get("content"), dict):
        raise ArchiveError(_("L'archive est endommagée : son contenu est incomplet."))


def to_bytes(payload, files) -> bytes:
    buffer = io.BytesIO()
    write(payload, files, buffer)
    return buffer.getvalue()
