"""OpenDocument text helpers shared by every editable document (odfpy):
page styles that a heading can switch to, named styles, and the bytes."""

from __future__ import annotations

import io

from odf.opendocument import OpenDocumentText
from odf.style import MasterPage, PageLayout, PageLayoutProperties, Style

A4 = ("21cm", "29.7cm")


def page_style(
    doc: OpenDocumentText, name: str, landscape: bool = False, margin: str = "1.5cm", layout: str | None = None
) -> MasterPage:
    """An A4 master page, portrait or landscape; a paragraph style whose
    `masterpagename` is `name` starts a page of it."""
    width, height = reversed(A4) if landscape else A4
    page_layout = PageLayout(name=layout or f"{name}Layout")
    page_layout.addElement(
        PageLayoutProperties(
            pagewidth=width,
            pageheight=height,
            printorientation="landscape" if landscape else "portrait",
            margintop=margin,
            marginbottom=margin,
            marginleft=margin,
            marginright=margin,
        )
    )
    doc.automaticstyles.addElement(page_layout)
    master = MasterPage(name=name, pagelayoutname=page_layout)
    doc.masterstyles.addElement(master)
    return master


def add_style(where, name: str, family: str, *properties, master: str | None = None) -> Style:
    """A named style of `family` made of `properties`, added to `where`
    (doc.styles or doc.automaticstyles)."""
    style = Style(name=name, family=family, **({"masterpagename": master} if master else {}))
    for element in properties:
        style.addElement(element)
    where.addElement(style)
    return style


def odt_bytes(doc: OpenDocumentText) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
