"""What a séance's participants read is in the séance's language
(Meeting.language), whatever the facilitator's menu or the phone's browser
says: the phone pages, the phone ballot and its scripts' catalogue, the
projector, the printed cards and the refusals of a vote. The facilitator's
own live controls follow the facilitator's language."""

import json

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from abaque.live import cards
from abaque.meetings.rounds import close_round, open_round
from tests.conftest import build_meeting
from tests.live.test_cards import pdf_text

FRENCH_COOKIE = {settings.LANGUAGE_COOKIE_NAME: "fr"}
ENGLISH_COOKIE = {settings.LANGUAGE_COOKIE_NAME: "en"}
CLOSED = "Le vote est clos : votre vote n'a pas été enregistré."  # vote_rules.NOT_OPEN, from the meetings catalogue
CLOSED_EN = "The vote is closed: your vote was not recorded."


def phone(cookie):
    client = Client()
    client.cookies.load(cookie)
    return client


@pytest.fixture
def english(facilitator):
    return build_meeting(facilitator, language="en")


@pytest.fixture
def french(facilitator):
    return build_meeting(facilitator, language="fr")


@pytest.fixture
def facilitator_in_french(client_in):
    client_in.cookies.load(FRENCH_COOKIE)
    return client_in


def test_an_english_seance_ballot_is_in_english_on_a_french_phone(english):
    anne = english.participants.first()
    page = phone(FRENCH_COOKIE).get(f"/b/{anne.token}/").content.decode()
    assert '<html lang="en">' in page
    assert "The vote is not open yet" in page
    assert "I fully agree" in page and "Je suis tout \\u00e0 fait d'accord" not in page
    # The scripts' texts come from the séance's catalogue, loaded before the ballot.
    assert page.index('src="/i18n/js/en/"') < page.index("live/ballot.js")


def test_a_french_seance_ballot_stays_french_on_an_english_phone(french):
    anne = french.participants.first()
    page = phone(ENGLISH_COOKIE).get(f"/b/{anne.token}/").content.decode()
    assert '<html lang="fr">' in page
    assert "Le vote n'est pas encore ouvert" in page
    assert "Je suis tout \\u00e0 fait d'accord" in page
    assert "I fully agree" not in page
    assert 'src="/i18n/js/fr/"' in page


def test_the_ballot_scripts_catalogue_speaks_english(client):
    catalogue = client.get("/i18n/js/en/").content.decode()
    assert "sent \\u2713" in catalogue or "sent ✓" in catalogue
    assert "Offline: your votes will be sent as soon as the network is back." in catalogue


def test_an_english_seance_names_page_is_in_english_on_a_french_phone(english):
    page = phone(FRENCH_COOKIE).get(f"/s/{english.join_code}/").content.decode()
    assert '<html lang="en">' in page
    assert "Tap your name" in page and "Touchez votre nom" not in page


def test_the_join_page_knows_no_seance_and_follows_the_phone(english):
    assert "Join the séance" in phone(ENGLISH_COOKIE).get("/rejoindre/").content.decode()
    assert "Rejoindre la séance" in phone(FRENCH_COOKIE).get("/rejoindre/").content.decode()


def test_the_projector_of_an_english_seance_is_in_english_for_a_french_facilitator(facilitator_in_french, english):
    open_round(english.current_round())
    page = facilitator_in_french.get(f"/seances/{english.pk}/projecteur/").content.decode()
    assert '<html lang="en">' in page
    assert "Vote now" in page and "Votez maintenant" not in page
    fragment = facilitator_in_french.get(f"/seances/{english.pk}/projecteur/fragment/").content.decode()
    assert "Vote now" in fragment


def test_the_projector_results_legend_reads_the_english_scale(facilitator_in_french, english):
    round_ = english.current_round()
    open_round(round_)
    close_round(round_)
    english.results_revealed = True
    english.save()
    page = facilitator_in_french.get(f"/seances/{english.pk}/projecteur/").content.decode()
    assert "I strongly disagree" in page and "Je ne suis pas du tout" not in page


def test_the_live_controls_follow_the_facilitator_not_the_seance(facilitator_in_french, english):
    page = facilitator_in_french.get(f"/seances/{english.pk}/direct/").content.decode()
    assert '<html lang="fr">' in page
    assert "Ouvrir le vote" in page


def test_the_cards_of_an_english_seance_are_printed_in_english(client_in, english, monkeypatch, tmp_path):
    client_in.cookies.load(FRENCH_COOKIE)
    monkeypatch.setattr(cards, "local_addresses", lambda: ["192.168.1.12"])
    pdf = client_in.get(f"/seances/{english.pk}/cartes.pdf", {"adresse": "http://192.168.1.12"}).content
    text = " ".join(pdf_text(pdf, tmp_path).split())
    assert "To vote, scan this code" in text
    assert "I fully agree" in text and "Pour voter" not in text


def vote(client, participant, body):
    return client.post(f"/b/{participant.token}/vote/", body, content_type="application/json")


def test_a_refused_vote_is_explained_in_the_seance_language(english):
    anne, item = english.participants.first(), english.items.first()
    round_ = english.current_round()
    open_round(round_)
    close_round(round_)
    answer = vote(phone(FRENCH_COOKIE), anne, json.dumps({"round": 1, "item": item.pk, "code": "VG"}))
    assert answer.status_code == 409
    assert answer.json()["error"] == CLOSED_EN
    unreadable = vote(phone(FRENCH_COOKIE), anne, b"{not json")
    assert unreadable.status_code == 400
    assert unreadable.json()["error"] == "Unreadable request: reload the page."


def test_a_refused_vote_stays_french_in_a_french_seance(french):
    anne, item = french.participants.first(), french.items.first()
    round_ = french.current_round()
    open_round(round_)
    close_round(round_)
    answer = vote(phone(ENGLISH_COOKIE), anne, json.dumps({"round": 1, "item": item.pk, "code": "VG"}))
    assert answer.json()["error"] == CLOSED
    assert vote(phone(ENGLISH_COOKIE), anne, b"{").json()["error"] == "Requête illisible : rechargez la page."


def test_the_names_page_explains_a_closed_door_and_a_taken_name_in_english(english):
    anne = english.participants.first()
    english.join_access = "closed"
    english.save()
    closed = phone(FRENCH_COOKIE).get(f"/s/{english.join_code}/")
    assert closed.status_code == 403
    assert "Access by code to this séance is closed" in closed.content.decode()
    english.join_access = "open"
    english.save()
    first = phone(FRENCH_COOKIE)
    first.post(f"/s/{english.join_code}/{anne.pk}/")
    taken = phone(FRENCH_COOKIE).post(f"/s/{english.join_code}/{anne.pk}/")
    assert taken.status_code == 409
    assert "is already taken by another phone" in taken.content.decode()


def test_the_serve_command_speaks_the_active_language():
    from abaque.live.management.commands import serve

    with translation.override("en"):
        text = serve.announcement("127.0.0.1", 8000, [], "/bienvenue/abc/")
    assert "On this computer, open:" in text
    assert "  Abaque only listens on this computer (--host 127.0.0.1): phones will not\n  be able to connect." in text
    assert "First start" in text and "Premier démarrage" not in text
