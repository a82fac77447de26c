"""Each format of the compte-rendu, opened and read back."""

import csv
import io
import json
import subprocess
import zipfile

import pytest
from openpyxl import load_workbook

from abaque import scale
from abaque.meetings.models import Vote
from abaque.reports.content import build_report
from abaque.reports.formats import render
from tests.reports.test_data import ITEMS, NOTE, voted_meeting


@pytest.fixture
def report(facilitator):
    return build_report(voted_meeting(facilitator, territory="PNR du Haut-Vallon", place="Salle des fêtes"))


def pdf_text(data: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()


def test_the_pdf_holds_the_cover_contents_notes_and_page_numbers(report):
    data = render(report.meeting, "pdf", report)
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert "Selon vous, comment renforcer le lien social ?" in text
    assert "PNR du Haut-Vallon" in text and "Claire Morel" in text
    assert "Table des matières" in text
    assert "d'être oubliés" in text  # the debate note
    assert "page 1 / " in text
    assert "Tour 2 · Matrice brute" in text
    assert "L'évolution entre les tours" in text and "Du tour 1 au tour 2" in text
    assert "−− → + : Bruno Petit" in text  # the moves gathered by change of colour
    assert "2 min 05 s" in text


def test_the_pdf_is_tagged_for_screen_readers(report):
    info = subprocess.run(
        ["pdfinfo", "-"], input=render(report.meeting, "pdf", report), capture_output=True, check=True
    ).stdout.decode()
    assert "Tagged:          yes" in info


def test_an_anonymous_seances_pdf_names_no_participant(facilitator):
    meeting = voted_meeting(facilitator, mode="anonymous")
    text = pdf_text(render(meeting, "pdf"))
    assert "Invités à s'exprimer : B, D, F" in text
    for name in meeting.participants.values_list("name", flat=True):
        assert name not in text
        assert name.split()[0] not in text


def test_the_odt_holds_the_question_items_and_the_note(report):
    content = zipfile.ZipFile(io.BytesIO(render(report.meeting, "odt", report))).read("content.xml").decode()
    assert "Selon vous, comment renforcer le lien social ?" in content
    for text in ITEMS[:3]:
        assert text.replace("'", "&apos;") in content or text in content
    assert "craignent d" in content
    assert "−− → + : Bruno Petit" in content  # the moves gathered as in the PDF
    # cells coloured from the scale, with their symbols
    assert scale.BY_CODE["VG"].colour in content and ">++<" in content


def test_the_xlsx_colours_each_vote_from_the_scale(report):
    book = load_workbook(io.BytesIO(render(report.meeting, "xlsx", report)))
    assert book.sheetnames == ["Tour 1", "Tour 2", "Votes"]
    sheet = book["Tour 1"]
    assert [c.value for c in sheet[1][:5]] == ["N°", "Item", "Moyenne", "Consensus", "Verdict"]
    assert sheet["F1"].value == "Anne Leroy"
    assert sheet["B2"].value == ITEMS[0]
    assert sheet["E4"].value == "Consensus contre"
    # Anne Leroy voted dark green on item 1, Bruno Petit dark red on item 3
    assert sheet["F2"].value == "++"
    assert sheet["F2"].fill.fgColor.rgb.endswith(scale.BY_CODE["VG"].colour.lstrip("#").upper())
    assert sheet["G4"].fill.fgColor.rgb.endswith(scale.BY_CODE["R"].colour.lstrip("#").upper())
    assert sheet["G4"].font.color.rgb.endswith(scale.BY_CODE["R"].ink.lstrip("#").upper())
    votes = book["Votes"]
    assert votes.max_row - 1 == Vote.objects.filter(round__meeting=report.meeting).count()


def test_the_csv_has_one_row_per_vote(report):
    text = render(report.meeting, "csv", report).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows) == Vote.objects.filter(round__meeting=report.meeting).count() == 6 * 5 + 6
    first = rows[0]
    assert (first["tour"], first["item"], first["participant"], first["code"]) == ("1", "1", "Anne Leroy", "VG")
    assert first["couleur"] == "Je suis tout à fait d'accord"
    assert rows[-1]["source"] == "Téléphone"


def test_the_json_holds_the_meeting_rounds_votes_and_analysis(report):
    data = json.loads(render(report.meeting, "json", report))
    assert data["seance"]["question"] == report.meeting.question
    assert len(data["participants"]) == 6
    assert [r["numero"] for r in data["tours"]] == [1, 2]
    first = data["tours"][0]["items"]
    assert (
        sum(len(i["votes"]) for r in data["tours"] for i in r["items"])
        == Vote.objects.filter(round__meeting=report.meeting).count()
    )
    assert first[3]["verdict"] == "dissensus" and first[3]["votes"]["Bruno Petit"] == "RR"
    assert data["items"][3]["note"] == NOTE


def test_the_raw_data_of_an_anonymous_seance_uses_letters(facilitator):
    meeting = voted_meeting(facilitator, mode="anonymous")
    report = build_report(meeting)
    data = json.loads(render(meeting, "json", report))
    assert [p["participant"] for p in data["participants"]] == list("ABCDEF")
    assert "Anne" not in render(meeting, "csv", report).decode("utf-8-sig")
