"""A table as an XLSX workbook (openpyxl): axes as merged full-width rows."""

from openpyxl import Workbook
from openpyxl.styles import Font

from abaque.documents.xlsx import BOLD, WRAP, bold_row, column_widths, fill, sheet_title, workbook_bytes
from abaque.safe_cells import spreadsheet_row

AXIS_FILL = fill("#dce6f2")
MEMORY_FONT = Font(italic=True, color="666666")


def write_xlsx(table) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title(table.title, default="Plan")
    sheet.append(spreadsheet_row([table.title]))
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(spreadsheet_row([table.subtitle]))
    sheet.append(spreadsheet_row(table.headers))
    bold_row(sheet, 3)
    for cell in sheet[3]:
        cell.alignment = WRAP
    for row in table.rows:
        sheet.append(spreadsheet_row(row.cells))
        line = sheet.max_row
        if row.kind == "axis":
            sheet.merge_cells(start_row=line, start_column=1, end_row=line, end_column=table.width)
            sheet.cell(line, 1).font = BOLD
            sheet.cell(line, 1).fill = AXIS_FILL
        for cell in sheet[line]:
            cell.alignment = WRAP
            if row.kind == "memory":
                cell.font = MEMORY_FONT
    for heading, text in table.closing:
        sheet.append([])
        sheet.append(spreadsheet_row([heading]))
        sheet.cell(sheet.max_row, 1).font = BOLD
        sheet.append(spreadsheet_row([text]))
        sheet.cell(sheet.max_row, 1).alignment = WRAP
    column_widths(sheet, [48] + [34] * (table.width - 1))
    sheet.freeze_panes = "A4"
    return workbook_bytes(book)
