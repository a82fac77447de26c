"""A table as an XLSX workbook (openpyxl): axes as merged full-width rows."""

from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

AXIS_FILL = PatternFill("solid", fgColor="DCE6F2")
MEMORY_FONT = Font(italic=True, color="666666")
WRAP = Alignment(wrap_text=True, vertical="top")


def write_xlsx(table) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = table.title[:31]
    sheet.append([table.title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([table.subtitle])
    sheet.append(table.headers)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = WRAP
    for row in table.rows:
        sheet.append(row.cells)
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
        sheet.append([heading])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        sheet.append([text])
        sheet.cell(sheet.max_row, 1).alignment = WRAP
    for index in range(table.width):
        sheet.column_dimensions[chr(65 + index)].width = 48 if index == 0 else 34
    sheet.freeze_panes = "A4"
    out = BytesIO()
    book.save(out)
    return out.getvalue()
