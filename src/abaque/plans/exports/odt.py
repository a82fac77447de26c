"""A table as an editable OpenDocument text (odfpy), landscape A4."""

from odf.opendocument import OpenDocumentText
from odf.style import (
    ParagraphProperties,
    Style,
    TableCellProperties,
    TableColumnProperties,
    TextProperties,
)
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import H, P

from abaque.documents.odt import add_style, odt_bytes, page_style

BORDER = "0.5pt solid #888888"


def _styles(doc):
    page_style(doc, "Standard", landscape=True, layout="Landscape")
    where = doc.automaticstyles
    return {
        "cell": add_style(where, "Cell", "table-cell", TableCellProperties(border=BORDER, padding="0.1cm")),
        "axis": add_style(
            where,
            "AxisCell",
            "table-cell",
            TableCellProperties(border=BORDER, padding="0.1cm", backgroundcolor="#dce6f2"),
        ),
        "head": add_style(
            where,
            "HeadCell",
            "table-cell",
            TableCellProperties(border=BORDER, padding="0.1cm", backgroundcolor="#eeeeee"),
        ),
        "bold": add_style(where, "Bold", "paragraph", TextProperties(fontweight="bold")),
        "memory": add_style(
            where,
            "Memory",
            "paragraph",
            TextProperties(fontstyle="italic", color="#666666"),
            ParagraphProperties(marginleft="0cm"),
        ),
    }


def _cell(text, cell_style, paragraph_style=None, span=1):
    cell = TableCell(stylename=cell_style, valuetype="string", numbercolumnsspanned=span)
    for line in (text or "").split("\n"):
        cell.addElement(P(text=line, stylename=paragraph_style) if paragraph_style else P(text=line))
    return cell


def write_odt(table) -> bytes:
    doc = OpenDocumentText()
    styles = _styles(doc)
    doc.text.addElement(H(outlinelevel=1, text=table.title))
    doc.text.addElement(P(text=table.subtitle))
    grid = Table(name="Tableau")
    column = Style(name="Col", family="table-column")
    column.addElement(TableColumnProperties(columnwidth=f"{26.7 / table.width:.2f}cm"))
    doc.automaticstyles.addElement(column)
    grid.addElement(TableColumn(numbercolumnsrepeated=table.width, stylename=column))
    head = TableRow()
    for text in table.headers:
        head.addElement(_cell(text, styles["head"], styles["bold"]))
    grid.addElement(head)
    for row in table.rows:
        line = TableRow()
        if row.kind == "axis":
            line.addElement(_cell(row.cells[0], styles["axis"], styles["bold"], span=table.width))
        else:
            paragraph = styles["memory"] if row.kind == "memory" else None
            for text in row.cells:
                line.addElement(_cell(text, styles["cell"], paragraph))
        grid.addElement(line)
    doc.text.addElement(grid)
    for heading, text in table.closing:
        doc.text.addElement(H(outlinelevel=2, text=heading))
        for line in text.split("\n"):
            doc.text.addElement(P(text=line))
    return odt_bytes(doc)
