"""The printed matrix is one SVG of fills under blocks of text (a large HTML
table, or SVG text, which WeasyPrint lays out letter by letter, is the slow
path), still searchable and readable in black and white."""

import re
import subprocess

from django.template.loader import render_to_string

from abaque import scale
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


def test_the_matrix_svg_has_no_text_and_one_path_per_colour(facilitator):
    report = build_report(voted_meeting(facilitator))
    html = render_to_string("reports/pdf/report.html", {"meeting": report.meeting, "report": report})
    for svg in re.findall(r'<svg class="matrix".*?</svg>', html, re.S):
        assert "<text" not in svg and "<rect" not in svg
        # a fill per level, the empty cells, the dissensus numbers and the grid
        assert svg.count("<path") <= len(scale.LEVELS) + 3
