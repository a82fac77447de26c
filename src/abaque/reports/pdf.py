"""The compte-rendu as PDF: Django templates laid out by WeasyPrint."""

from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from .content import Report

# The laptop may have no internet: never wait for a remote resource.
OFFLINE = URLFetcher(allowed_protocols={"file", "data"})


def build_pdf(report: Report) -> bytes:
    html = render_to_string("reports/pdf/report.html", {"meeting": report.meeting, "report": report})
    return HTML(string=html, url_fetcher=OFFLINE).write_pdf()
