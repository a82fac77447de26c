"""Reading a vote matrix typed in a spreadsheet and saved as CSV.

Layout: a header row (first cell anything, then one participant name per
column), then one row per item: its text, then one code per participant
(VG G O R RR W B, any case; empty = not voted). Messages are French
templates marked with N_ and their parameters (see text.py): Django shows
them in the facilitator's language.
"""

from __future__ import annotations

import csv
import io

from abaque import scale

from .matrix import normalise_code
from .text import N_, Message

# French Excel writes ';' (the comma is the decimal separator); others ','.
# Tab comes with a copy-paste from a spreadsheet. First wins a tie.
DELIMITERS = (";", ",", "\t")
ALLOWED_CODES = ", ".join(scale.CODES)

Record = tuple[int, list[str]]  # (line number in the file, cells)


class MatrixFileError(ValueError):
    """A problem in the file, with a message naming where it is: str() is
    the French text; `message` keeps its template and parameters apart, so
    that it can be translated (line and column are parameters too)."""

    def __init__(self, template: str, line: int | None = None, column: int | None = None, **params: object):
        if "%(" in template:  # a marked template; a text made by the caller is kept as it is
            params = {"line": line, "column": column} | params
        self.message = Message(template, **params)
        super().__init__(str(self.message))
        self.line, self.column = line, column


def decode_matrix_bytes(data: bytes) -> str:
    """Text of an uploaded file: UTF-8 (BOM or not), else Windows-1252,
    the encoding of French Excel's « CSV (séparateur : point-virgule) »."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise MatrixFileError(N_("Encodage du fichier non reconnu : enregistrez-le au format « CSV UTF-8 »."))


def read_matrix_csv(text: str) -> tuple[list[str], list[str], list[list[str | None]]]:
    """(participant names, item texts, rows of codes with None = not voted)."""
    records = _records(text.removeprefix("\ufeff"))
    if not records:
        raise MatrixFileError(N_("Le fichier est vide."))
    (header_line, header), body = records[0], records[1:]
    names = _participants(header_line, header)
    if not body:
        raise MatrixFileError(
            N_("Le fichier ne contient aucun item : une ligne par item est attendue après l'en-tête.")
        )
    items, rows = [], []
    for line, cells in body:
        text_, codes = _item_row(line, cells, len(names) + 1)
        items.append(text_)
        rows.append(codes)
    return names, items, rows


def _records(text: str) -> list[Record]:
    """Non-blank records, parsed with the delimiter that fits the file best."""
    parsed = [_parse(text, delimiter) for delimiter in DELIMITERS]
    return max(parsed, key=_fit)  # max keeps the first of equals


def _parse(text: str, delimiter: str) -> list[Record]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records, next_line = [], 1
    for cells in reader:
        if any(cell.strip() for cell in cells):
            records.append((next_line, cells))
        next_line = reader.line_num + 1  # a quoted cell may span lines
    return records


def _fit(records: list[Record]) -> tuple[bool, int]:
    """A usable header (two cells or more), then rows as wide as it."""
    if not records:
        return False, 0
    width = len(records[0][1])
    return width > 1, sum(len(cells) == width for _, cells in records)


def _participants(line: int, header: list[str]) -> list[str]:
    names = [name.strip() for name in _without_trailing_blanks(header)[1:]]
    if not names:
        raise MatrixFileError(
            N_(
                "Ligne %(line)d : aucun nom de participant ; la première ligne porte une cellule libre "
                "puis un nom de participant par colonne."
            ),
            line,
        )
    seen: dict[str, int] = {}
    for column, name in enumerate(names, start=2):
        if not name:
            raise MatrixFileError(N_("Ligne %(line)d, colonne %(column)d : nom de participant vide."), line, column)
        if name in seen:
            raise MatrixFileError(
                N_("Ligne %(line)d, colonne %(column)d : participant « %(name)s » déjà en colonne %(first)d."),
                line,
                column,
                name=name,
                first=seen[name],
            )
        seen[name] = column
    return names


def _item_row(line: int, cells: list[str], width: int) -> tuple[str, list[str | None]]:
    # Trailing empty cells past the header are what spreadsheets leave behind.
    if len(cells) > width and not any(cell.strip() for cell in cells[width:]):
        cells = cells[:width]
    if len(cells) != width:
        count = len(cells) if len(cells) < width else len(_without_trailing_blanks(cells))
        raise MatrixFileError(
            N_("Ligne %(line)d : %(count)d cellules au lieu de %(width)d."), line, count=count, width=width
        )
    text = cells[0].strip()
    if not text:
        raise MatrixFileError(N_("Ligne %(line)d, colonne %(column)d : texte de l'item vide."), line, 1)
    return text, [_code(line, column, raw) for column, raw in enumerate(cells[1:], start=2)]


def _code(line: int, column: int, raw: str) -> str | None:
    code = normalise_code(raw)
    if code is not None and code not in scale.BY_CODE:
        raise MatrixFileError(
            N_("Ligne %(line)d, colonne %(column)d : code « %(code)s » inconnu (codes permis : %(codes)s)."),
            line,
            column,
            code=raw.strip(),
            codes=ALLOWED_CODES,
        )
    return code


def _without_trailing_blanks(cells: list[str]) -> list[str]:
    end = len(cells)
    while end and not cells[end - 1].strip():
        end -= 1
    return cells[:end]
