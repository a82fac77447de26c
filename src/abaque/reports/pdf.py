"""The compte-rendu as PDF: Django templates laid out by WeasyPrint."""

from collections.abc import Callable

from django.template.loader import render_to_string

from abaque.documents.pdf import html_to_pdf
from abaque.meetings.language import in_meeting_language

from .content import Report


def build_pdf(report: Report, progress: Callable[[str], None] | None = None) -> bytes:
    """`progress`, if given, hears each stage as it starts: html, layout, write."""
    if progress:
        progress("html")
    with in_meeting_language(report.meeting):  # the séance's language, whatever the reader's pages are in
        html = render_to_string("reports/pdf/report.html", {"meeting": report.meeting, "report": report})
    return html_to_pdf(html, progress=progress)
