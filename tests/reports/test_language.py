"""The compte-rendu and its e-mail are in the séance's own language, whatever
the language of the facilitator's pages: an English séance's participants
read English, a French one's French."""

import csv
import io
import re
import time
import zipfile

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from abaque import scale
from abaque.reports import building
from abaque.reports.formats import render
from tests.reports.test_data import voted_meeting
from tests.reports.test_formats import pdf_text
from tests.reports.test_mailing import post

VG = scale.BY_CODE["VG"]
pytestmark = pytest.mark.django_db(transaction=True)  # the build's thread reads the séance


@pytest.fixture
def english(facilitator):
    return voted_meeting(facilitator, language="en")


@pytest.fixture
def french(facilitator):
    return voted_meeting(facilitator, language="fr")


def odt_text(data: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read("content.xml").decode()


def test_an_english_seances_pdf_is_in_english_under_a_french_facilitator(english):
    with translation.override("fr"):
        text = pdf_text(render(english, "pdf"))
    assert "session report" in text.lower() and "Table of contents" in text
    assert "“Selon vous, comment renforcer le lien social ?”" in text  # the question, in English quotes
    assert "Round 1 · Results by item" in text and "Round 2 · Raw matrix" in text
    assert "Dissensus and debate" in text and "Recordings" in text
    assert VG.label_en in text and VG.label not in text  # the legend, from scale.py
    assert re.search(r"\b(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", text)  # the date's weekday, in English
    for french_heading in ("Table des matières", "Résultats par item", "Les enregistrements", "Tour 1"):
        assert french_heading not in text


def test_a_french_seances_pdf_stays_french_under_an_english_facilitator(french):
    with translation.override("en"):
        text = pdf_text(render(french, "pdf"))
    assert "Table des matières" in text and "Tour 1 · Résultats par item" in text
    assert VG.label in text and VG.label_en not in text
    assert "Table of contents" not in text


def test_an_english_seances_odt_and_xlsx_are_in_english(english):
    content = odt_text(render(english, "odt"))
    assert "Results by item" in content and "Recordings" in content and VG.label_en in content
    assert "Résultats par item" not in content and VG.label not in content
    book = load_workbook(io.BytesIO(render(english, "xlsx")))
    assert book.sheetnames[0] == "Round 1" and "Votes" in book.sheetnames
    header = [c.value for c in book["Round 1"][1]]
    assert header[:5] == ["No.", "Item", "Mean", "Consensus", "Verdict"]
    votes = [c.value for c in book["Votes"][1]]
    assert votes[:3] == ["round", "item", "text"] and "colour" in votes
    assert VG.label_en in [c.value for c in book["Votes"]["G"]]


def test_csv_headers_follow_the_seance_json_keys_stay_stable(english, french):
    rows = list(csv.reader(io.StringIO(render(english, "csv").decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["round", "item", "text"] and "category" in rows[0]
    assert VG.label_en in {row[rows[0].index("colour")] for row in rows[1:]}
    rows = list(csv.reader(io.StringIO(render(french, "csv").decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:3] == ["tour", "item", "texte"] and "catégorie" in rows[0]
    # JSON: a data format read by programs, its keys the same in every language
    assert b'"seance"' in render(english, "json") and b'"tours"' in render(english, "json")
    assert VG.label_en.encode() in render(english, "json")


def test_a_build_in_the_background_thread_is_in_the_seances_language(english, french):
    """A thread does not inherit the request's active language: the build
    activates the séance's own."""
    for meeting, expected, absent in (
        (english, "Table of contents", "Table des matières"),
        (french, "Table des matières", "Table of contents"),
    ):
        with translation.override("fr" if meeting is english else "en"):
            building.start(meeting, "pdf")
        for _ in range(600):
            status = building.read_status(meeting.pk, "pdf")
            if status.state != "running":
                break
            time.sleep(0.1)
        assert status.state == "done", status.error
        text = pdf_text(building.document(meeting.pk, "pdf"))
        assert expected in text and absent not in text


def test_the_email_to_an_english_seance_is_english_whatever_the_facilitators_menu(csrf_client, english, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    csrf_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    page = csrf_client.get(reverse("reports:mailing_new", args=[english.pk])).content.decode()
    assert "Envoyer le compte-rendu" in page  # the facilitator's page stays in her language
    assert "Report of the session" in page and "Thank you for taking part" in page  # the e-mail, in the séance's
    assert "Merci pour votre participation" not in page
    response = post(
        csrf_client,
        reverse("reports:mailing_new", args=[english.pk]),
        {
            "subject": "Report of the session",
            "body": "Hello,\nthe report is attached.",
        },
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 5
    [pdf] = [content for name, content, _type in mail.outbox[0].attachments if name.endswith(".pdf")]
    assert "Table of contents" in pdf_text(pdf)


def test_the_email_to_a_french_seance_stays_french_under_an_english_menu(csrf_client, french, settings):
    csrf_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = csrf_client.get(reverse("reports:mailing_new", args=[french.pk])).content.decode()
    assert "Compte-rendu de la séance" in page and "Merci pour votre participation" in page
    assert "Thank you for taking part" not in page
