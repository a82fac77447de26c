"""A Pol.is export uploaded from the web: a .zip of its folder, or its
participants-votes.csv with comments.csv beside it, read within bounds.

A zip is checked before anything is extracted: the sizes its directory
declares (a zip bomb declares, or reveals while read, far more than it
weighs), the number of members, and each member is read no further than
its bound whatever it declared. Every failure is a `MatrixFileError` with
a French message.
"""

import csv
import zipfile
from pathlib import PurePosixPath

from django.utils.translation import gettext as _

from abaque.analysis.polis import PolisExport, parse_comments, parse_polis
from abaque.analysis.spreadsheet import MatrixFileError

MAX_POLIS_FILE_MB = 20  # one CSV, or the whole zip as sent
MAX_POLIS_FILE_BYTES = MAX_POLIS_FILE_MB * 1024 * 1024
MAX_POLIS_UNCOMPRESSED_BYTES = 2 * MAX_POLIS_FILE_BYTES  # the two CSV files read from a zip, together
MAX_ZIP_MEMBERS = 50  # a Pol.is export folder holds about five files
VOTES, COMMENTS = "participants-votes.csv", "comments.csv"


def _too_big(what: str) -> MatrixFileError:
    """`what`: the file, already worded (« Le fichier comments.csv »)."""
    return MatrixFileError(_("%(what)s est trop gros : %(n)s Mo au plus.") % {"what": what, "n": MAX_POLIS_FILE_MB})


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise MatrixFileError(
            _("%(name)s n'est pas un texte en UTF-8 : est-ce bien un export Pol.is ?") % {"name": name}
        ) from None


def _read_upload(upload, name: str) -> str:
    if upload.size > MAX_POLIS_FILE_BYTES:
        raise _too_big(_("Le fichier %(name)s") % {"name": name})
    return _decode(upload.read(MAX_POLIS_FILE_BYTES + 1), name)


def from_files(votes, comments=None) -> PolisExport:
    """participants-votes.csv and, if given, comments.csv (uploaded files)."""
    votes_text = _read_upload(votes, VOTES)
    return _parse(votes_text, _read_upload(comments, COMMENTS) if comments else None)


def from_zip(upload) -> PolisExport:
    """A .zip of the export folder (the files at its root or in one folder)."""
    if upload.size > MAX_POLIS_FILE_BYTES:
        raise _too_big(_("Le fichier .zip"))
    try:
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise MatrixFileError(_("Ce fichier n'est pas une archive .zip lisible.")) from None
    with archive:
        members = archive.infolist()
        if len(members) > MAX_ZIP_MEMBERS:
            raise MatrixFileError(
                _("Cette archive contient trop de fichiers (%(n)s) pour un export Pol.is.") % {"n": len(members)}
            )
        by_name = {}
        for info in members:
            path = PurePosixPath(info.filename)
            if not info.is_dir() and path.name in (VOTES, COMMENTS) and "__MACOSX" not in path.parts:
                by_name.setdefault(path.name, info)
        if VOTES not in by_name:
            raise MatrixFileError(
                _("L'archive ne contient pas de fichier %(name)s : est-ce bien un export Pol.is ?") % {"name": VOTES}
            )
        if sum(info.file_size for info in by_name.values()) > MAX_POLIS_UNCOMPRESSED_BYTES:
            raise _too_big(_("Le contenu décompressé de l'archive"))
        texts = {name: _decode(_bounded(archive, info), name) for name, info in by_name.items()}
    return _parse(texts[VOTES], texts.get(COMMENTS))


def _bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """A member's bytes, never more than its bound (its declared size may lie)."""
    try:
        with archive.open(info) as member:
            data = member.read(MAX_POLIS_FILE_BYTES + 1)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError):
        raise MatrixFileError(
            _("Le fichier %(name)s de l'archive est illisible (chiffré ou abîmé).") % {"name": info.filename}
        ) from None
    if len(data) > MAX_POLIS_FILE_BYTES:
        raise _too_big(_("Le fichier %(name)s décompressé") % {"name": info.filename})
    return data


def _parse(votes_text: str, comments_text: str | None) -> PolisExport:
    try:
        details = parse_comments(comments_text) if comments_text else {}
        export = parse_polis(votes_text, details)
    except csv.Error as error:
        raise MatrixFileError(_("Ce fichier CSV est mal formé (%(error)s).") % {"error": error}) from None
    except KeyError:
        raise MatrixFileError(
            _("Le fichier %(name)s n'a pas la colonne « comment-id » de Pol.is.") % {"name": COMMENTS}
        ) from None
    if not export.statement_ids or not export.participants:
        raise MatrixFileError(_("Cet export Pol.is ne contient aucune proposition ou aucun participant."))
    return export
