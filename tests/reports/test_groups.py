"""The « Groupes d'opinion » section of the compte-rendu (PDF)."""

import io
import json
import zipfile
from html import unescape

from django.template.loader import render_to_string
from openpyxl import load_workbook

from abaque.reports.content import build_report
from abaque.reports.formats import render
from tests.meetings.test_results_groups import two_camps


def test_the_pdf_names_each_opinion_group_with_its_members(facilitator):
    meeting = two_camps(facilitator)
    report = build_report(meeting)
    html = unescape(render_to_string("reports/pdf/report.html", {"meeting": meeting, "report": report}))
    assert "Groupes d'opinion" in html and "● A" in html and "▲ B" in html
    assert [g.size for g in report.rounds[0].groups.groups] == [8, 8]


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


def test_the_spreadsheet_has_a_groups_sheet_for_a_round_with_groups(facilitator):
    meeting = two_camps(facilitator)
    book = load_workbook(io.BytesIO(render(meeting, "xlsx", build_report(meeting))))
    sheet = book["Groupes d'opinion (tour 1)"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Groupe", "Taille", "Membres")
    assert [(r[0], r[1]) for r in rows[1:3]] == [("● A", 8), ("▲ B", 8)]
    assert "Anne Leroy" in rows[1][2] + rows[2][2] and "contre" in rows[1][3]


def test_the_spreadsheet_has_no_groups_sheet_when_the_room_is_too_small(facilitator):
    meeting = two_camps(facilitator, n=6)
    book = load_workbook(io.BytesIO(render(meeting, "xlsx", build_report(meeting))))
    assert not [name for name in book.sheetnames if name.startswith("Groupes")]


def test_the_spreadsheet_groups_sheet_defuses_a_member_name_that_looks_like_a_formula(facilitator):
    meeting = two_camps(facilitator)
    meeting.participants.filter(position=1).update(name="=HYPERLINK(1)")
    book = load_workbook(io.BytesIO(render(meeting, "xlsx", build_report(meeting))))
    members = [r[2] for r in book["Groupes d'opinion (tour 1)"].iter_rows(min_row=2, values_only=True) if r[2]]
    assert not any(m.startswith("=") for m in members) and any("HYPERLINK" in m for m in members)


def test_the_odt_has_a_groups_section_per_round_like_the_pdf(facilitator):
    meeting = two_camps(facilitator)
    content = zipfile.ZipFile(io.BytesIO(render(meeting, "odt", build_report(meeting)))).read("content.xml")
    text = content.decode()
    assert "Tour 1 · Groupes d'opinion" in text and "● A" in text and "▲ B" in text and "contre" in text


def test_the_odt_says_when_the_room_is_too_small_for_groups(facilitator):
    meeting = two_camps(facilitator, n=6)
    text = zipfile.ZipFile(io.BytesIO(render(meeting, "odt", build_report(meeting)))).read("content.xml").decode()
    assert "Groupes d'opinion" in text and "Pas de groupes d'opinion" in text
