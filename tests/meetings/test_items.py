"""Items typed live during the rounds of the table."""

from html import unescape

import pytest
from django.urls import reverse
from django.utils import timezone

from abaque.meetings.models import Item

HTMX = {"HTTP_HX_REQUEST": "true"}


def _items_url(meeting):
    return f"/seances/{meeting.pk}/items/"


def test_enter_saves_the_item_and_opens_the_next_one(client_in, meeting):
    author = meeting.participants.first()
    response = client_in.post(
        _items_url(meeting), {"text": "  Des   bancs dans les bourgs ", "author": author.pk, "next_author": "1"}, **HTMX
    )
    page = unescape(response.content.decode())
    item = Item.objects.get(text="Des bancs dans les bourgs")  # spaces tidied
    assert item.author == author
    assert 'id="items-list"' in page and "<html" not in page  # the list alone is swapped
    assert 'name="text"' not in page and 'name="author"' not in page  # never the field being typed in
    assert f'data-added="{item.pk}"' in page


def test_the_entry_page_counts_characters_and_never_cuts(client_in, meeting):
    page = client_in.get(_items_url(meeting)).content.decode()
    assert 'id="item-counter"' in page and "300 caractères au plus" in page
    assert "maxlength" not in page.split('id="id_text"')[1].split(">")[0]  # a paste is never cut by the browser
    assert "abaque/js/items.js" in page


def test_an_item_over_the_limit_is_refused_not_cut(client_in, meeting):
    long = "Des bancs " * 31  # 310 characters
    response = client_in.post(_items_url(meeting), {"text": long}, **HTMX)
    page = unescape(response.content.decode())
    assert response.status_code == 422
    assert "au plus 300 caractères" in page and "n'est pas enregistré" in page
    assert not meeting.items.filter(text__startswith="Des bancs").exists()
    plain = unescape(client_in.post(_items_url(meeting), {"text": long}).content.decode())
    assert long.strip() in plain  # without script the text comes back whole in its field


def test_a_deletion_leaves_the_entry_field_and_its_author_alone(client_in, meeting):
    item = meeting.items.first()
    page = client_in.post(f"/seances/{meeting.pk}/items/{item.pk}/supprimer/", **HTMX).content.decode()
    assert 'id="items-list"' in page and 'name="author"' not in page and "— auteur —" not in page
    assert 'hx-target="#items-list"' in page


def test_a_new_item_joins_the_open_first_round(client_in, meeting):
    client_in.post(_items_url(meeting), {"text": "Un marché de producteurs"})
    first = meeting.rounds.get(number=1)
    assert first.round_items.filter(text="Un marché de producteurs").exists()


def test_an_empty_item_gets_a_french_message(client_in, meeting):
    response = client_in.post(_items_url(meeting), {"text": "   "}, **HTMX)
    assert response.status_code == 422
    assert (
        "Ce champ est obligatoire" in response.content.decode() or "L&#x27;item est vide" in response.content.decode()
    )
    assert meeting.items.count() == 3


def test_deleting_an_item_can_be_undone(client_in, meeting):
    item = meeting.items.first()
    page = client_in.post(f"/seances/{meeting.pk}/items/{item.pk}/supprimer/", **HTMX).content.decode()
    assert "Annuler la suppression" in page
    assert item not in meeting.active_items()
    assert not meeting.rounds.get(number=1).round_items.filter(item=item).exists()
    client_in.post(f"/seances/{meeting.pk}/items/{item.pk}/retablir/", **HTMX)
    assert item in meeting.active_items()
    assert meeting.rounds.get(number=1).round_items.filter(item=item).exists()


def test_an_item_is_marked_validated_by_its_author(client_in, meeting):
    item = meeting.items.first()
    client_in.post(f"/seances/{meeting.pk}/items/{item.pk}/valider/")
    item.refresh_from_db()
    assert item.validated


def test_editing_an_item_updates_the_open_rounds_wording(client_in, meeting):
    item = meeting.items.first()
    client_in.post(f"/seances/{meeting.pk}/items/{item.pk}/modifier/", {"text": "Un café associatif par canton"})
    assert meeting.rounds.get(number=1).round_items.get(item=item).text == "Un café associatif par canton"


def test_items_can_be_reordered(client_in, meeting):
    first, second = list(meeting.active_items())[:2]
    client_in.post(f"/seances/{meeting.pk}/items/{second.pk}/deplacer/", {"direction": "up"})
    assert list(meeting.active_items())[:2] == [second, first]


def test_it_warns_past_forty_items(client_in, meeting):
    Item.objects.bulk_create(Item(meeting=meeting, text=f"Item {i}", position=10 + i) for i in range(38))
    page = unescape(client_in.get(_items_url(meeting)).content.decode())
    assert "41 items" in page and "Plus de 40 items" in page


def test_a_phone_proposal_waits_for_the_facilitator(client_in, meeting):
    proposal = Item.objects.create(meeting=meeting, text="Des ateliers numériques", status=Item.Status.PENDING)
    assert proposal not in meeting.active_items()
    client_in.post(f"/seances/{meeting.pk}/items/{proposal.pk}/accepter/")
    assert proposal in meeting.active_items()


@pytest.mark.parametrize("action", ["modifier", "supprimer", "retablir", "valider", "deplacer", "accepter"])
def test_another_meetings_item_answers_404(client_in, meeting, other_meeting, action):
    foreign = other_meeting.items.first()
    assert client_in.post(f"/seances/{meeting.pk}/items/{foreign.pk}/{action}/").status_code == 404
    assert client_in.post(f"/seances/{other_meeting.pk}/items/{foreign.pk}/{action}/").status_code == 404


def test_another_facilitators_item_list_answers_404(client_in, other_meeting):
    assert client_in.get(_items_url(other_meeting)).status_code == 404


def test_moving_a_deleted_item_answers_404_at_once(client_in, meeting):
    item = meeting.items.first()
    item.deleted_at = timezone.now()
    item.save()
    url = reverse("meetings:item_move", args=[meeting.pk, item.pk])
    assert client_in.post(url, {"direction": "down"}).status_code == 404


def test_an_item_past_the_item_limit_is_refused(client_in, meeting, monkeypatch):
    from abaque.meetings import forms

    monkeypatch.setattr(forms, "MAX_ITEMS", meeting.items.count())
    page = client_in.post(reverse("meetings:items", args=[meeting.pk]), {"text": "Un item de trop"})
    assert "items au plus" in unescape(page.content.decode())
    assert not meeting.items.filter(text="Un item de trop").exists()
