"""The printed matrix is one SVG (a large HTML table is WeasyPrint's slow
path), still searchable and readable in black and white."""

import subprocess

from django.template.loader import render_to_string

from abaque.reports.content import build_report
from abaque.reports.formats import render
from tests.reports.test_data import voted_meeting


def test_the_printed_matrix_is_one_svg_and_no_table(facilitator):
    report = build_report(voted_meeting(facilitator))
    html = render_to_string("reports/pdf/report.html", {"meeting": report.meeting, "report": report})
    assert html.count('<svg class="matrix"') == sum(len(r.matrices) for r in report.rounds)
    assert '<table class="matrix' not in html


def test_the_matrix_page_reads_symbols_names_and_verdicts_as_text(facilitator):
    meeting = voted_meeting(facilitator)
    pdf = render(meeting, "pdf")
    page = subprocess.run(
        ["pdftotext", "-f", "3", "-l", "3", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert "Matrice brute" in page
    assert "Bruno Petit" in page and "Créer un café associatif" in page
    assert "++" in page and "Dissensus" in page and "Moy." in page
