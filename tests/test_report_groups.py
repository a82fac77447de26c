"""The « Groupes d'opinion » section of the compte-rendu (PDF)."""

from html import unescape

from django.template.loader import render_to_string

from abaque.reports.content import build_report
from tests.test_results_groups import two_camps


def test_the_pdf_names_each_opinion_group_with_its_members(facilitator):
    meeting = two_camps(facilitator)
    report = build_report(meeting)
    html = unescape(render_to_string("reports/pdf/report.html", {"meeting": meeting, "report": report}))
    assert "Groupes d'opinion" in html and "● A" in html and "▲ B" in html
    assert [g["size"] for g in report.rounds[0].groups["groups"]] == [8, 8]


def test_the_pdf_says_when_the_room_is_too_small_for_groups(facilitator):
    meeting = two_camps(facilitator, n=6)
    html = unescape(render_to_string("reports/pdf/report.html", {"meeting": meeting, "report": build_report(meeting)}))
    assert "Pas de groupes d'opinion" in html
