"""A table as an editable OpenDocument text (odfpy), landscape A4."""

from io import BytesIO

from odf.opendocument import OpenDocumentText
from odf.style import (
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    ParagraphProperties,
    Style,
    TableCellProperties,
    TableColumnProperties,
    TextProperties,
)
from odf.table import Table, TableCell, TableColumn, TableRow
from odf.text import H, P


def _styles(doc):
    layout = PageLayout(name="Landscape")
    layout.addElement(
        PageLayoutProperties(pagewidth="29.7cm", pageheight="21cm", printorientation="landscape", margin="1.5cm")
    )
    doc.automaticstyles.addElement(layout)
    doc.masterstyles.addElement(MasterPage(name="Standard", pagelayoutname=layout))
    styles = {
        "cell": Style(name="Cell", family="table-cell"),
        "axis": Style(name="AxisCell", family="table-cell"),
        "head": Style(name="HeadCell", family="table-cell"),
        "bold": Style(name="Bold", family="paragraph"),
        "memory": Style(name="Memory", family="paragraph"),
    }
    styles["cell"].addElement(TableCellProperties(border="0.5pt solid #888888", padding="0.1cm"))
    styles["head"].addElement(
        TableCellProperties(border="0.5pt solid #888888", padding="0.1cm", backgroundcolor="#eeeeee")
    )
    styles["axis"].addElement(
        TableCellProperties(border="0.5pt solid #888888", padding="0.1cm", backgroundcolor="#dce6f2")
    )
    styles["bold"].addElement(TextProperties(fontweight="bold"))
    styles["memory"].addElement(TextProperties(fontstyle="italic", color="#666666"))
    styles["memory"].addElement(ParagraphProperties(marginleft="0cm"))
    for style in styles.values():
        doc.automaticstyles.addElement(style)
    return styles


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
    out = BytesIO()
    doc.write(out)
    return out.getvalue()
