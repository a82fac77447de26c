"""The debate's pages follow the facilitator's language (the menu's
switch), their script included: its texts come from the catalogue of that
language."""

from django.conf import settings
from django.urls import reverse

from abaque.debate import transitions


def in_english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_the_debate_page_is_english_once_the_facilitator_chose_english(meeting, client_in):
    page = in_english(client_in).get(reverse("debate:page", args=[meeting.pk])).content.decode()
    assert "Agenda" in page and "New voting round" in page
    assert "Ordre du jour" not in page and "Nouveau tour de vote" not in page
    catalogue = reverse("javascript_catalogue", args=["en"])
    assert page.index(catalogue) < page.index("debate/debate.js")  # gettext exists before the script runs


def test_the_debate_script_s_texts_are_in_the_english_catalogue(client):
    catalogue = client.get(reverse("javascript_catalogue", args=["en"])).content.decode()
    assert "saved \\u2713" in catalogue or "saved ✓" in catalogue
    assert "Try sending again" in catalogue


def test_a_refused_reword_answers_in_english(meeting, client_in):
    item = meeting.active_items().first()
    transitions.debate_item(meeting, item)
    url = reverse("debate:reformulate", args=[meeting.pk, item.pk])
    response = in_english(client_in).post(url, {"text": item.text})
    assert response.status_code == 400
    assert "The new wording is the same as the current one." in response.content.decode()


def test_the_debate_page_stays_french_by_default(meeting, client_in):
    page = client_in.get(reverse("debate:page", args=[meeting.pk])).content.decode()
    assert "Ordre du jour" in page and "Nouveau tour de vote" in page
