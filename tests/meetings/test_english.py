"""A facilitator who picks English in the menu reads the séances' pages in
English; French stays the default."""

import pytest
from django.urls import reverse

from abaque.meetings.models import Meeting
from abaque.meetings.vote_rules import round_is_open
from tests.conftest import build_meeting


@pytest.fixture
def english(client, facilitator):
    """The facilitator's browser after the menu's switch to English."""
    client.force_login(facilitator)
    response = client.post(reverse("set_language"), {"language": "en", "next": reverse("meetings:list")})
    assert response.status_code == 302
    return client


def page(client, name, *args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    return response.content.decode()


def test_the_list_of_sessions_is_in_english(english, facilitator):
    build_meeting(facilitator)
    html = page(english, "meetings:list")
    assert "Sessions" in html and "+ New session" in html and "Load the demo" in html
    assert "Nouvelle séance" not in html and "Séances</h1>" not in html


def test_the_session_form_is_in_english_with_its_language_field(english):
    html = page(english, "meetings:create")
    assert "New session" in html and "Create the session" in html
    assert "Language of the session" in html or "language of the session" in html
    assert "Named (like Colorvote)" in html and "Anonymous" in html
    assert "Créer la séance" not in html


def test_the_results_are_in_english(english, facilitator):
    meeting = build_meeting(facilitator)
    html = page(english, "meetings:results", meeting.pk)
    assert "Distribution" in html and "Mean" in html and "Participants' profiles" in html
    assert "Sort" in html and "no vote" in html
    assert "Répartition" not in html and "Profils des participants" not in html


def test_a_new_session_answers_in_english_after_the_switch(english):
    response = english.post(
        reverse("meetings:create"),
        {
            "title": "Cross views",
            "date": "2026-12-01",
            "question": "How?",
            "mode": "nominative",
            "scale_variant": "standard",
            "display": "names",
            "language": "en",
        },
        follow=True,
    )
    assert "Session created. Now add the participants." in response.content.decode()
    assert Meeting.objects.get(title="Cross views").language == "en"


def test_french_stays_the_default(client, facilitator):
    client.force_login(facilitator)
    html = page(client, "meetings:list")
    assert "Nouvelle séance" in html and "New session" not in html


def test_a_vote_refusal_follows_the_active_language():
    from django.utils import translation

    with translation.override("en"):
        assert round_is_open("closed") == "The vote is closed: your vote was not recorded."
    with translation.override("fr"):
        assert round_is_open("closed") == "Le vote est clos : votre vote n'a pas été enregistré."


def test_a_new_session_is_offered_the_facilitators_language(english, client):
    html = page(english, "meetings:create")
    assert '<option value="en" selected>' in html


def test_an_existing_session_keeps_its_own_language(english, facilitator):
    meeting = build_meeting(facilitator, language="fr")
    html = page(english, "meetings:edit", meeting.pk)
    assert '<option value="fr" selected>' in html
