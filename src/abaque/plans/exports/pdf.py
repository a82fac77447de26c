"""A table as a landscape A4 PDF (WeasyPrint), from a template, system fonts only."""

from django.template.loader import render_to_string


def write_pdf(table) -> bytes:
    from weasyprint import HTML  # heavy: loaded only when a PDF is asked for

    html = render_to_string("plans/export_table.html", {"table": table})
    return HTML(string=html).write_pdf()
