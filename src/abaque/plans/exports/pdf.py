"""A table as a landscape A4 PDF (WeasyPrint), from a template, system fonts only."""

from django.template.loader import render_to_string

from abaque.documents.pdf import html_to_pdf


def write_pdf(table) -> bytes:
    html = render_to_string("plans/export_table.html", {"table": table})
    return html_to_pdf(html)
