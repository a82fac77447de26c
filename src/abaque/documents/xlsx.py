"""Spreadsheet helpers shared by every workbook (openpyxl): the usual
fonts and fills, a bold header, column widths, a valid sheet title, the bytes."""

from __future__ import annotations

import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from abaque.safe_cells import clean_text

BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
SHEET_TITLE_CHARS = 31  # Excel's limit
SHEET_TITLE_FORBIDDEN = str.maketrans("[]:*?/\\", "       ")


def fill(colour: str) -> PatternFill:
    """A solid fill from « #rrggbb »."""
    return PatternFill("solid", fgColor=colour.lstrip("#").upper())


def bold_row(sheet, row: int = 1) -> None:
    for cell in sheet[row]:
        cell.font = BOLD


def column_widths(sheet, widths: Iterable[float], first: int = 1) -> None:
    for index, width in enumerate(widths, first):
        sheet.column_dimensions[get_column_letter(index)].width = width


def sheet_title(text: str, default: str = "Feuille") -> str:
    """A title Excel accepts: cleaned, without []:*?/\\, 31 characters at most."""
    return clean_text(text).translate(SHEET_TITLE_FORBIDDEN).strip()[:SHEET_TITLE_CHARS] or default


def workbook_bytes(book: Workbook) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
