"""Importing a list of participants pasted from anywhere, or from a CSV or
XLSX file: one person a line, name then optional category and e-mail."""

import codecs
import csv
import io
import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from abaque.safe_cells import clean_text

from .models import Participant

Category = Participant.Category

# Words people type for each category, without accents, in lower case.
CATEGORY_WORDS = {
    Category.ELECTED: ("elu", "elue", "elus", "elues", "maire", "adjoint", "adjointe", "conseiller", "conseillere"),
    Category.STAFF: ("technicien", "technicienne", "techniciens", "agent", "salarie", "salariee", "staff"),
    Category.ACTOR: (
        "acteur",
        "actrice",
        "acteurs",
        "association",
        "asso",
        "social",
        "culturel",
        "acteur social",
        "acteur culturel",
        "acteur social ou culturel",
    ),
    Category.INHABITANT: ("habitant", "habitante", "habitants", "citoyen", "citoyenne"),
    Category.OTHER: ("autre", "autres", "partenaire"),
}
HEADER_WORDS = {"nom", "name", "participant", "nom et prenom", "prenom nom"}
MAX_NAME = Participant._meta.get_field("name").max_length
# Bounds of an imported file: a list of participants is small, and a tiny
# XLSX may declare a million rows by sixteen thousand columns.
MAX_IMPORT_BYTES = 2 * 1024 * 1024
MAX_IMPORT_ROWS = 2_000
MAX_IMPORT_COLUMNS = 10
MAX_CELL_CHARS = 1_000


@dataclass
class ImportRow:
    line: int
    name: str
    category: str = Category.INHABITANT
    email: str = ""
    errors: list[str] = field(default_factory=list)
    duplicate: str = ""  # why this person may already be there: a warning, not an error


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def category_from(text: str) -> str | None:
    word = _plain(text)
    if not word:
        return Category.INHABITANT
    for category, words in CATEGORY_WORDS.items():
        if word in words or word == category:
            return category
    return None


def _split(line: str) -> list[str]:
    for separator in ("\t", ";", ","):
        if separator in line:
            return [cell.strip() for cell in line.split(separator)]
    return [line.strip()]


def parse_cells(rows: list[list[str]], first_line: int = 1) -> list[ImportRow]:
    parsed = []
    for number, cells in enumerate(rows, start=first_line):
        cells = [str(c or "").strip() for c in cells]
        if not any(cells):
            continue
        if not parsed and _plain(cells[0]) in HEADER_WORDS:
            continue
        parsed.append(_row(number, cells))
    return parsed


def _row(number: int, cells: list[str]) -> ImportRow:
    row = ImportRow(line=number, name=cells[0])
    if not row.name:
        row.errors.append(_("le nom est vide"))
    elif len(row.name) > MAX_NAME:
        row.errors.append(_("le nom dépasse %(n)s caractères") % {"n": MAX_NAME})
    rest = [c for c in cells[1:] if c]
    for cell in rest:
        if "@" in cell:
            row.email = cell
            try:
                validate_email(cell)
            except ValidationError:
                row.errors.append(_("l'adresse « %(address)s » n'est pas valide") % {"address": cell})
        else:
            category = category_from(cell)
            if category is None:
                row.errors.append(
                    _("catégorie « %(category)s » inconnue (élu, technicien, acteur, habitant ou autre)")
                    % {"category": cell}
                )
            else:
                row.category = category
    return row


def _same_name(name: str) -> str:
    """Names compared without case, accents or extra spaces: « Marie  DUPONT » is Marie Dupont."""
    return " ".join(_plain(name).split())


def flag_duplicates(rows: list[ImportRow], participants) -> list[ImportRow]:
    """Mark each row whose name or e-mail is already in the séance or earlier in
    the list; the facilitator then chooses to skip or keep them."""
    # Where a name or an e-mail was first seen: None for the séance, else its line.
    names: dict[str, int | None] = {_same_name(p.name): None for p in participants}
    emails: dict[str, int | None] = {p.email.lower(): None for p in participants if p.email}
    for row in rows:
        if row.errors:
            continue
        name, email = _same_name(row.name), row.email.lower()
        if name in names:
            row.duplicate = _same_as(
                _("même nom qu'un participant de la séance"), _("même nom que la ligne %(line)s"), names[name]
            )
        elif email and email in emails:
            row.duplicate = _same_as(
                _("même e-mail qu'un participant de la séance"), _("même e-mail que la ligne %(line)s"), emails[email]
            )
        names.setdefault(name, row.line)
        if email:
            emails.setdefault(email, row.line)
    return rows


def _same_as(in_meeting: str, on_line: str, line: int | None) -> str:
    return in_meeting if line is None else on_line % {"line": line}


def parse_text(text: str) -> list[ImportRow]:
    return parse_cells([_split(line) for line in text.splitlines()])


def file_to_text(upload) -> str:
    """A CSV or XLSX file as tab-separated lines, shown back in the preview so
    that confirming needs no second upload."""
    name = upload.name.lower()
    if getattr(upload, "size", 0) > MAX_IMPORT_BYTES:
        raise ValueError(_("Ce fichier est trop gros : %(n)s Mo au plus.") % {"n": MAX_IMPORT_BYTES // (1024 * 1024)})
    if name.endswith(".xlsx"):
        rows = _xlsx_rows(upload)
    elif name.endswith((".csv", ".txt")):
        rows = _csv_rows(upload.read())
    else:
        raise ValueError(_("Format non reconnu : choisissez un fichier .csv ou .xlsx."))
    rows = [[clean_text(cell)[:MAX_CELL_CHARS] for cell in row[:MAX_IMPORT_COLUMNS]] for row in rows]
    return "\n".join("\t".join(cell.replace("\t", " ") for cell in row) for row in rows)


def _too_many_rows():
    return ValueError(_("Ce fichier a trop de lignes : %(n)s participants au plus.") % {"n": MAX_IMPORT_ROWS})


def _xlsx_rows(upload) -> list[list[str]]:
    """Streamed within fixed bounds, whatever dimension the file declares."""
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(upload, read_only=True, data_only=True).active
        sheet.reset_dimensions()
        rows = []
        for values in sheet.iter_rows(max_row=MAX_IMPORT_ROWS + 1, max_col=MAX_IMPORT_COLUMNS, values_only=True):
            rows.append(["" if v is None else str(v) for v in values])
    except Exception as error:  # openpyxl raises many kinds on a bad file
        raise ValueError(_("Ce fichier XLSX ne peut pas être lu.")) from error
    while rows and not any(rows[-1]):
        rows.pop()
    if len(rows) > MAX_IMPORT_ROWS:
        raise _too_many_rows()
    return rows


def _decode(raw: bytes) -> str:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")  # French Excel's default


def _csv_rows(raw: bytes) -> list[list[str]]:
    text = clean_text(_decode(raw))
    try:
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=";,\t")
    except csv.Error:  # one column, a plain list of names
        dialect = csv.excel
    rows = []
    try:
        for cells in csv.reader(io.StringIO(text), dialect):
            rows.append(cells)
            if len(rows) > MAX_IMPORT_ROWS and any(cells):
                raise _too_many_rows()
    except csv.Error as error:  # a cell over the field size limit, a stray NUL
        raise ValueError(
            _("Ce fichier CSV ne peut pas être lu : une cellule est trop longue ou mal formée.")
        ) from error
    return rows
