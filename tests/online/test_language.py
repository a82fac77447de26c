"""What a consultation's participants read is in the séance's language, not
in their browser's: the public pages, the e-mails (also those the scheduler
sends, outside any request) and the published results."""

from datetime import timedelta

import pytest
from conftest import build_meeting
from django.core import mail
from django.test import Client
from django.utils import timezone

from abaque.online import scheduler

from .test_consultation import link_in, path_of, register, setup_phase


def browser(language: str) -> Client:
    return Client(HTTP_ACCEPT_LANGUAGE=language)


@pytest.fixture
def english(client_in, facilitator):
    meeting = build_meeting(facilitator, n_participants=0, language="en")
    return setup_phase(client_in, meeting)


@pytest.fixture
def french(client_in, facilitator):
    meeting = build_meeting(facilitator, n_participants=0, language="fr")
    return setup_phase(client_in, meeting)


def test_an_english_seance_s_registration_page_is_english_for_a_french_browser(english):
    page = browser("fr").get(f"/consultation/{english.slug}/").content.decode()
    assert '<html lang="en"' in page
    assert "Before you register" in page and "Register" in page
    assert "Avant de vous inscrire" not in page and "M'inscrire" not in page


def test_an_english_seance_s_registration_and_e_mails_are_english(english):
    client = browser("fr")
    response = register(client, english, "ann@example.org")
    assert response.status_code == 200
    page = response.content.decode()
    assert "An e-mail has just been sent to" in page and "vient de partir" not in page
    confirmation = mail.outbox[-1]
    assert confirmation.subject.startswith("Confirm your participation")
    assert "Hello" in confirmation.body and "Bonjour" not in confirmation.body
    client.get(path_of(link_in(confirmation)))
    link = mail.outbox[-1]
    assert link.subject.startswith("Your voting link") and "You can vote and change your votes until" in link.body


def test_an_english_seance_s_refusal_is_english(english):
    register(browser("fr"), english, "ann@example.org")
    confirm = path_of(link_in(mail.outbox[-1]))
    browser("fr").get(confirm)
    page = browser("fr").get(confirm).content.decode()
    assert "This confirmation link has already been used" in page


def test_an_english_seance_s_published_results_are_english(client_in, english):
    url = f"/consultation/{english.slug}/resultats/"
    assert "The results are not published yet." in browser("fr").get(url).content.decode()
    client_in.post(f"/seances/{english.meeting_id}/en-ligne/publier/")
    page = browser("fr").get(url).content.decode()
    assert "Distribution of the votes" in page and "Répartition des votes" not in page


def test_a_french_seance_stays_french_for_an_english_browser(french):
    client = browser("en")
    page = client.get(f"/consultation/{french.slug}/").content.decode()
    assert '<html lang="fr"' in page and "Avant de vous inscrire" in page and "Before you register" not in page
    register(client, french, "ann@example.org")
    assert mail.outbox[-1].subject.startswith("Confirmez votre participation")
    assert "Bonjour" in mail.outbox[-1].body


def test_the_scheduler_writes_invitations_and_reminders_in_the_seance_s_language(client_in, facilitator):
    meeting = build_meeting(facilitator, n_participants=1, language="en")
    meeting.participants.update(email="ann@example.org")
    setup_phase(client_in, meeting, kind="invitation", anonymous="")
    client_in.post(f"/seances/{meeting.pk}/en-ligne/inviter/", {"addresses": ""}, HTTP_ACCEPT_LANGUAGE="fr")
    now = timezone.now()
    scheduler.tick(now)
    invitation = mail.outbox[-1]
    assert invitation.subject.startswith("Invitation") and "Your personal voting link" in invitation.body
    scheduler.tick(now + timedelta(days=2, minutes=1))
    assert mail.outbox[-1].subject.startswith("Reminder")
