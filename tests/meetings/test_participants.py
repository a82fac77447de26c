"""Participants: added one by one, or pasted, or imported from CSV or XLSX
with a preview that names the bad rows."""

import io
import re
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from abaque.meetings.importing import parse_text
from abaque.meetings.models import Participant


def _import(client, meeting, text, choice="skip", **kwargs):
    """Preview then confirm, as the page does: the confirmation carries the preview's one-time token."""
    url = f"/seances/{meeting.pk}/participants/importer/"
    preview = client.post(url, {"text": text}).content.decode()
    once = re.search(r'name="once" value="([^"]+)"', preview)
    return client.post(url, {"text": text, "confirm": choice, "once": once.group(1) if once else ""}, **kwargs)


def test_a_participant_is_added_with_a_category(client_in, meeting):
    client_in.post(f"/seances/{meeting.pk}/participants/", {"name": "Gilles Marchand", "category": "elu", "email": ""})
    person = meeting.participants.get(name="Gilles Marchand")
    assert person.category == "elu" and person.position == 5


def test_pasted_lines_are_read_with_any_separator():
    rows = parse_text(
        "Nom;Catégorie;E-mail\nMarie Dupont ; élue ; marie@exemple.fr\nJean Martin, Habitant\nAïcha Benali\tTechnicienne\n\nPaul Roy"
    )
    assert [(r.name, r.category, r.email) for r in rows] == [
        ("Marie Dupont", "elu", "marie@exemple.fr"),
        ("Jean Martin", "habitant", ""),
        ("Aïcha Benali", "technicien", ""),
        ("Paul Roy", "habitant", ""),
    ]
    assert not any(r.errors for r in rows)


def test_bad_rows_are_named_with_their_line():
    rows = parse_text("Marie Dupont; astronaute\n; élu\nJean; jean@@exemple")
    assert rows[0].line == 1 and "catégorie « astronaute » inconnue" in rows[0].errors[0]
    assert rows[1].errors == ["le nom est vide"]
    assert "n'est pas valide" in rows[2].errors[0]


def test_the_preview_imports_nothing_until_confirmed(client_in, meeting):
    text = "Marie Dupont; élue\nJean Martin; astronaute\nAnne Roy"
    page = unescape(client_in.post(f"/seances/{meeting.pk}/participants/importer/", {"text": text}).content.decode())
    assert "2 lignes prêtes à importer" in page and "1 ligne en erreur" in page
    assert "Jean Martin; astronaute" in page  # what was typed is kept for correction
    assert meeting.participants.count() == 4
    _import(client_in, meeting, text)
    assert list(meeting.participants.values_list("name", flat=True))[-2:] == ["Marie Dupont", "Anne Roy"]


def test_a_csv_file_from_french_excel_is_imported(client_in, meeting):
    content = "Nom;Catégorie;E-mail\r\nÉlodie Carré;Élue;elodie@exemple.fr\r\nMarc Noël;habitant;\r\n".encode("cp1252")
    upload = SimpleUploadedFile("liste.csv", content, content_type="text/csv")
    page = unescape(client_in.post(f"/seances/{meeting.pk}/participants/importer/", {"file": upload}).content.decode())
    assert "Élodie Carré" in page and "2 lignes prêtes" in page
    _import(client_in, meeting, "Élodie Carré\télue\telodie@exemple.fr\nMarc Noël\thabitant")
    assert meeting.participants.filter(name="Élodie Carré", category="elu").exists()


def test_an_xlsx_file_is_imported(client_in, meeting):
    book = Workbook()
    book.active.append(["Nom", "Catégorie", "E-mail"])
    book.active.append(["Hugo Lenoir", "acteur", "hugo@exemple.fr"])
    data = io.BytesIO()
    book.save(data)
    upload = SimpleUploadedFile("liste.xlsx", data.getvalue())
    page = unescape(client_in.post(f"/seances/{meeting.pk}/participants/importer/", {"file": upload}).content.decode())
    assert "Hugo Lenoir" in page and "1 ligne prête" in page


def test_an_unknown_file_type_gets_a_french_message(client_in, meeting):
    upload = SimpleUploadedFile("liste.pdf", b"%PDF-1.4")
    page = unescape(client_in.post(f"/seances/{meeting.pk}/participants/importer/", {"file": upload}).content.decode())
    assert "choisissez un fichier .csv ou .xlsx" in page


def test_participants_can_be_reordered_and_removed(client_in, meeting):
    people = list(meeting.participants.all())
    client_in.post(f"/seances/{meeting.pk}/participants/{people[2].pk}/deplacer/", {"direction": "up"})
    assert list(meeting.participants.all())[1] == people[2]
    client_in.post(f"/seances/{meeting.pk}/participants/{people[0].pk}/supprimer/")
    assert not Participant.objects.filter(pk=people[0].pk).exists()


def test_release_gives_a_new_token(meeting):
    person = meeting.participants.first()
    old = person.token
    person.release()
    assert person.token != old and len(person.token) >= 22 and person.claimed_at is None


@pytest.mark.parametrize("action", ["modifier", "supprimer", "deplacer"])
def test_another_meetings_participant_answers_404(client_in, meeting, other_meeting, action):
    foreign = other_meeting.participants.first()
    assert client_in.post(f"/seances/{meeting.pk}/participants/{foreign.pk}/{action}/").status_code == 404
    assert Participant.objects.filter(pk=foreign.pk).exists()


def test_another_facilitators_participant_pages_answer_404(client_in, other_meeting):
    assert client_in.get(f"/seances/{other_meeting.pk}/participants/").status_code == 404
    assert client_in.post(f"/seances/{other_meeting.pk}/participants/importer/", {"text": "X"}).status_code == 404


def test_the_participants_page_of_an_anonymous_seance_shows_counts_and_no_pairing(client_in, meeting):
    # Issue 11: the page used to pair each letter with a name (A → Anne Leroy).
    meeting.mode = "anonymous"
    meeting.save()
    page = client_in.get(f"/seances/{meeting.pk}/participants/").content.decode()
    assert "Anne Leroy" not in page
    assert "4 bulletins anonymes" in page


def test_an_import_past_the_participant_limit_is_refused_with_a_message(client_in, meeting, monkeypatch):
    from abaque.meetings.views import participants as view

    monkeypatch.setattr(view, "MAX_PARTICIPANTS", meeting.participants.count() + 2)
    url = reverse("meetings:participant_import", args=[meeting.pk])
    page = client_in.post(url, {"text": "Un\nDeux\nTrois", "confirm": "1"})
    assert page.status_code == 200
    assert "Trop de lignes" in page.content.decode()
    assert not meeting.participants.filter(name="Trois").exists()


def test_the_import_message_says_participants_in_the_plural(client_in, meeting):
    page = _import(client_in, meeting, "Un\nDeux", follow=True)
    assert "2 participants importés." in page.content.decode()
    page = _import(client_in, meeting, "Trois", follow=True)
    assert "1 participant importé." in page.content.decode()


def test_a_name_or_email_already_there_is_flagged_and_skipped_unless_kept(client_in, meeting):
    first = meeting.participants.first()
    first.email = "anne@exemple.fr"
    first.save()
    text = f"Marie Dupont\nmarie  DUPONT\n{first.name.upper()}\nAnne Autre; anne@exemple.fr\nJean Neuf"
    page = unescape(client_in.post(f"/seances/{meeting.pk}/participants/importer/", {"text": text}).content.decode())
    assert "3 doublons possibles" in page
    assert "même nom que la ligne 1" in page and "même nom qu'un participant de la séance" in page
    assert "même e-mail qu'un participant de la séance" in page
    assert "Importer 2 participants, sans les doublons" in page and "Importer aussi les doublons (5 en tout)" in page
    before = meeting.participants.count()
    _import(client_in, meeting, text)
    assert meeting.participants.count() == before + 2
    assert meeting.participants.filter(name="Jean Neuf").exists()
    _import(client_in, meeting, "Paul Double\nPaul Double", choice="keep")
    assert meeting.participants.filter(name="Paul Double").count() == 2


def test_the_same_import_submitted_twice_is_refused(client_in, meeting):
    url = f"/seances/{meeting.pk}/participants/importer/"
    preview = client_in.post(url, {"text": "Marie Dupont\nJean Martin"}).content.decode()
    once = re.search(r'name="once" value="([^"]+)"', preview).group(1)
    form = {"text": "Marie Dupont\nJean Martin", "confirm": "skip", "once": once}
    client_in.post(url, form)
    assert meeting.participants.filter(name="Marie Dupont").count() == 1
    again = unescape(client_in.post(url, form, follow=True).content.decode())  # Back, then « Importer » again
    assert "Cette liste vient déjà d'être importée" in again
    assert meeting.participants.filter(name="Marie Dupont").count() == 1
    assert "Cette liste" in unescape(client_in.post(url, {**form, "once": ""}, follow=True).content.decode())


def test_rows_in_error_read_in_the_singular_and_plural(client_in, meeting):
    url = f"/seances/{meeting.pk}/participants/importer/"
    one = unescape(client_in.post(url, {"text": "Marie; astronaute\nJean"}).content.decode())
    assert "elle ne sera pas importée" in one
    two = unescape(client_in.post(url, {"text": "Marie; astronaute\nJean; pilote\nAnne"}).content.decode())
    assert "elles ne seront pas importées" in two
