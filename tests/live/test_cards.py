"""Printed voting cards: one per participant, 8 to an A4 page, with a QR code
of the personal voting link."""

import re
import shutil
import subprocess

import pytest

from abaque.live import cards
from abaque.meetings.models import Meeting
from tests.conftest import build_meeting

LAN = "192.168.1.12"


def cards_url(meeting, **query):
    suffix = "?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else ""
    return f"/seances/{meeting.pk}/cartes.pdf{suffix}"


def pdf_text(pdf: bytes, tmp_path) -> str:
    path = tmp_path / "cartes.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_pages(pdf: bytes, tmp_path) -> int:
    path = tmp_path / "cartes.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


def ballot_url(host, participant):
    return f"http://{host}/b/{participant.token}/"


@pytest.fixture
def lan(monkeypatch):
    monkeypatch.setattr(cards, "local_addresses", lambda: [LAN])


def test_ten_participants_get_ten_cards_on_two_pages_with_name_and_personal_link(client_in, facilitator, tmp_path):
    meeting = build_meeting(facilitator, n_participants=10)
    response = client_in.get(cards_url(meeting))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert pdf_pages(response.content, tmp_path) == 2
    text = pdf_text(response.content, tmp_path)
    for participant in meeting.participants.all():
        assert participant.name in text
        assert ballot_url("testserver", participant) in text
    assert text.count(meeting.join_code) == 10
    assert "http://testserver/rejoindre/" in text


@pytest.mark.skipif(not shutil.which("zbarimg"), reason="no QR decoder (zbar-tools) on this machine")
def test_every_qr_code_decodes_to_its_participants_ballot(client_in, meeting, tmp_path):
    (tmp_path / "cartes.pdf").write_bytes(client_in.get(cards_url(meeting)).content)
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(tmp_path / "cartes.pdf"), str(tmp_path / "page")], check=True)
    decoded = subprocess.run(
        ["zbarimg", "-q", "--raw", "-Sdisable", "-Sqrcode.enable", *map(str, sorted(tmp_path.glob("page*.png")))],
        capture_output=True,
        text=True,
    ).stdout.split()
    assert sorted(decoded) == sorted(ballot_url("testserver", p) for p in meeting.participants.all())


def test_anonymous_cards_print_the_letter_and_never_the_name(client_in, facilitator, tmp_path):
    meeting = build_meeting(facilitator, n_participants=3, mode=Meeting.Mode.ANONYMOUS)
    text = pdf_text(client_in.get(cards_url(meeting)).content, tmp_path)
    for participant in meeting.participants.all():
        assert participant.name not in text
        assert ballot_url("testserver", participant) in text
    assert text.count("Votre carte personnelle") == 3
    assert sorted(line for line in text.splitlines() if re.fullmatch("[A-Z]", line)) == ["A", "B", "C"]


def test_the_cards_remind_the_colours_of_the_meetings_own_scale(client_in, facilitator, tmp_path):
    meeting = build_meeting(facilitator, n_participants=1, scale_variant="three")
    text = pdf_text(client_in.get(cards_url(meeting)).content, tmp_path)
    for level in meeting.levels:
        assert level.label in text
    assert "Je suis tout à fait d'accord" not in text  # not on a three-opinion ballot
    assert "Je ne veux pas répondre" not in text


def test_another_facilitators_meeting_answers_404(client_in, other_meeting):
    assert client_in.get(cards_url(other_meeting)).status_code == 404


def test_a_visitor_who_is_not_logged_in_is_sent_to_the_login_page(client, meeting):
    response = client.get(cards_url(meeting))
    assert response.status_code == 302
    assert "/connexion/" in response["Location"]


def test_on_localhost_the_facilitator_first_chooses_the_local_network_address(client_in, meeting, lan):
    response = client_in.get(cards_url(meeting), HTTP_HOST="localhost:8000")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert f'value="http://{LAN}:8000"' in page
    assert "ne peuvent pas ouvrir" in page


def test_the_chosen_local_network_address_is_the_one_printed(client_in, meeting, lan, tmp_path):
    response = client_in.get(cards_url(meeting, adresse=f"http://{LAN}:8000"), HTTP_HOST="localhost:8000")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    for participant in meeting.participants.all():
        assert ballot_url(f"{LAN}:8000", participant) in text


def test_an_address_that_is_not_the_laptops_is_refused_in_french(client_in, meeting, lan):
    response = client_in.get(cards_url(meeting, adresse="http://ailleurs.example:8000"), HTTP_HOST="localhost:8000")
    assert response.status_code == 400
    assert "n'est pas une adresse de cet ordinateur" in response.content.decode()


def test_without_a_local_network_the_page_says_how_to_reach_the_phones(client_in, meeting, monkeypatch):
    monkeypatch.setattr(cards, "local_addresses", lambda: [])
    response = client_in.get(cards_url(meeting), HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 200
    assert "Aucun réseau local détecté" in response.content.decode()


def test_a_meeting_without_participants_asks_to_add_them_first(client_in, facilitator):
    meeting = build_meeting(facilitator, n_participants=0)
    response = client_in.get(cards_url(meeting))
    assert response.status_code == 200
    assert "pas encore de participants" in response.content.decode()
