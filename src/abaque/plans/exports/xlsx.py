"""A table as an XLSX workbook (openpyxl): axes as merged full-width rows."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from abaque.safe_cells import clean_text, spreadsheet_row

AXIS_FILL = PatternFill("solid", fgColor="DCE6F2")
MEMORY_FONT = Font(italic=True, color="666666")
WRAP = Alignment(wrap_text=True, vertical="top")


def write_xlsx(table) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = clean_text(table.title).translate(str.maketrans("[]:*?/\\", "       "))[:31] or "Plan"
    sheet.append(spreadsheet_row([table.title]))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(spreadsheet_row([table.subtitle]))
    sheet.append(spreadsheet_row(table.headers))
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = WRAP
    for row in table.rows:
        sheet.append(spreadsheet_row(row.cells))
        line = sheet.max_row
        if row.kind == "axis":
            sheet.merge_cells(start_row=line, start_column=1, end_row=line, end_column=table.width)
            sheet.cell(line, 1).font = Font(bold=True)
            sheet.cell(line, 1).fill = AXIS_FILL
        for cell in sheet[line]:
            cell.alignment = WRAP
            if row.kind == "memory":
                cell.font = MEMORY_FONT
    for heading, text in table.closing:
        sheet.append([])
        sheet.append(spreadsheet_row([heading]))
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        sheet.append(spreadsheet_row([text]))
        sheet.cell(sheet.max_row, 1).alignment = WRAP
    for index in range(table.width):
        sheet.column_dimensions[get_column_letter(index + 1)].width = 48 if index == 0 else 34
    sheet.freeze_panes = "A4"
    out = BytesIO()
    book.save(out)
    return out.getvalue()
