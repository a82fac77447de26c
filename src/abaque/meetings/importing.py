"""Importing a list of participants pasted from anywhere, or from a CSV or
XLSX file: one person a line, name then optional category and e-mail."""

import csv
import io
import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from .models import Participant

Category = Participant.Category

# Words people type for each category, without accents, in lower case.
CATEGORY_WORDS = {
    Category.ELECTED: ("elu", "elue", "elus", "elues", "maire", "adjoint", "adjointe", "conseiller", "conseillere"),
    Category.STAFF: ("technicien", "technicienne", "techniciens", "agent", "salarie", "salariee", "staff"),
    Category.ACTOR: ("acteur", "actrice", "acteurs", "association", "asso", "social", "culturel", "acteur social", "acteur culturel", "acteur social ou culturel"),
    Category.INHABITANT: ("habitant", "habitante", "habitants", "citoyen", "citoyenne"),
    Category.OTHER: ("autre", "autres", "partenaire"),
}
HEADER_WORDS = {"nom", "name", "participant", "nom et prenom", "prenom nom"}
MAX_NAME = Participant._meta.get_field("name").max_length


@dataclass
class ImportRow:
    line: int
    name: str
    category: str = Category.INHABITANT
    email: str = ""
    errors: list[str] = field(default_factory=list)


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
        row.errors.append("le nom est vide")
    elif len(row.name) > MAX_NAME:
        row.errors.append(f"le nom dépasse {MAX_NAME} caractères")
    rest = [c for c in cells[1:] if c]
    for cell in rest:
        if "@" in cell:
            row.email = cell
            try:
                validate_email(cell)
            except ValidationError:
                row.errors.append(f"l'adresse « {cell} » n'est pas valide")
        else:
            category = category_from(cell)
            if category is None:
                row.errors.append(
                    f"catégorie « {cell} » inconnue (élu, technicien, acteur, habitant ou autre)"
                )
            else:
                row.category = category
    return row


def parse_text(text: str) -> list[ImportRow]:
    return parse_cells([_split(line) for line in text.splitlines()])


def file_to_text(upload) -> str:
    """A CSV or XLSX file as tab-separated lines, shown back in the preview so
    that confirming needs no second upload."""
    name = upload.name.lower()
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(upload, read_only=True, data_only=True).active
        except Exception as error:  # openpyxl raises many kinds on a bad file
            raise ValueError("Ce fichier XLSX ne peut pas être lu.") from error
        rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    elif name.endswith((".csv", ".txt")):
        raw = upload.read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")  # French Excel's default
        dialect = csv.Sniffer().sniff(text[:2048], delimiters=";,\t") if text.strip() else csv.excel
        rows = list(csv.reader(io.StringIO(text), dialect))
    else:
        raise ValueError("Format non reconnu : choisissez un fichier .csv ou .xlsx.")
    return "\n".join("\t".join(cell.replace("\t", " ") for cell in row) for row in rows)
