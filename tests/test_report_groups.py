"""The « Groupes d'opinion » section of the compte-rendu (PDF)."""

import json
from html import unescape

from django.template.loader import render_to_string

from abaque.reports.content import build_report
from abaque.reports.formats import render
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


def test_the_json_export_gives_each_round_its_groups_members_and_characteristic_items(facilitator):
    meeting = two_camps(facilitator)
    groups = json.loads(render(meeting, "json", build_report(meeting)))["tours"][0]["groupes"]
    assert [(g["lettre"], g["taille"]) for g in groups["groupes"]] == [("A", 8), ("B", 8)]
    assert sorted(m for g in groups["groupes"] for m in g["membres"]) == sorted(
        meeting.participants.values_list("name", flat=True)
    )
    first = groups["groupes"][0]["items_representatifs"][0]
    assert first["sens"] in ("d'accord", "pas d'accord") and 0 < first["taux_ailleurs"] < first["taux"] <= 1
    assert first["texte"].startswith("Proposition")
    assert groups["consensus"] == [] and groups["raison"] is None


def test_the_json_export_of_an_anonymous_seance_names_group_members_by_letter_only(facilitator):
    meeting = two_camps(facilitator)
    meeting.mode = "anonymous"
    meeting.save()
    data = render(meeting, "json", build_report(meeting)).decode()
    members = [m for g in json.loads(data)["tours"][0]["groupes"]["groupes"] for m in g["membres"]]
    assert len(members) == 16 and all(m.isalpha() and m.isupper() and len(m) <= 2 for m in members)
    assert "Anne" not in data


def test_the_json_export_says_why_a_small_room_has_no_groups(facilitator):
    meeting = two_camps(facilitator, n=6)
    groups = json.loads(render(meeting, "json", build_report(meeting)))["tours"][0]["groupes"]
    assert groups["groupes"] == [] and "Pas de groupes d'opinion" in groups["raison"]
