"""What the debate changes in the vote: an item reworded after a
misunderstanding (its votes stay with the old wording), and a new round on
chosen items."""

from html import unescape

import pytest
from django.urls import reverse

from abaque.meetings.models import ItemRevision, Round, RoundItem
from tests.builders import run_round
from tests.conftest import build_meeting

ROWS = ["VG VG RR RR", "VG G G VG", "RR R VG G"]


@pytest.fixture
def voted(facilitator):
    meeting = build_meeting(facilitator)
    run_round(meeting.current_round(), ROWS)
    return meeting


def reformulate(client, meeting, item, text, reason=""):
    return client.post(reverse("debate:reformulate", args=[meeting.pk, item.pk]), {"text": text, "reason": reason})


def test_rewording_keeps_the_old_text_and_its_reason(voted, client_in):
    item = voted.items.get(text="Covoiturage solidaire")
    response = reformulate(
        client_in, voted, item, "Covoiturage entre voisins, sans argent", "« solidaire » compris comme « payant »"
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.text == "Covoiturage entre voisins, sans argent"
    revision = ItemRevision.objects.get(item=item)
    assert (revision.text, revision.reason) == ("Covoiturage solidaire", "« solidaire » compris comme « payant »")


def test_the_closed_rounds_wording_is_not_changed(voted, client_in):
    item = voted.items.get(text="Covoiturage solidaire")
    reformulate(client_in, voted, item, "Covoiturage entre voisins")
    assert RoundItem.objects.get(round__number=1, item=item).text == "Covoiturage solidaire"
    assert item.votes.filter(round__number=1).count() == 4


def test_a_round_in_preparation_takes_the_new_wording(voted, client_in):
    item = voted.items.get(text="Covoiturage solidaire")
    client_in.post(reverse("debate:new_round", args=[voted.pk]), {"items": [item.pk]})
    reformulate(client_in, voted, item, "Covoiturage entre voisins")
    assert RoundItem.objects.get(round__number=2, item=item).text == "Covoiturage entre voisins"


def test_the_history_is_shown_under_the_item(voted, client_in):
    item = voted.items.get(text="Covoiturage solidaire")
    reformulate(client_in, voted, item, "Covoiturage entre voisins", "malentendu sur « solidaire »")
    voted.debate_item = item
    voted.save()
    page = unescape(client_in.get(reverse("debate:page", args=[voted.pk])).content.decode())
    assert "Formulations précédentes" in page
    assert "« Covoiturage solidaire »" in page and "Raison : malentendu sur « solidaire »" in page
    assert "Voté sous la formulation : « Covoiturage solidaire »" in page


def test_an_empty_or_unchanged_wording_is_refused_and_what_was_typed_is_kept(voted, client_in):
    item = voted.items.get(text="Covoiturage solidaire")
    voted.debate_item = item
    voted.save()
    same = reformulate(client_in, voted, item, "  Covoiturage   solidaire ", "une raison longue à retaper")
    assert same.status_code == 400
    page = unescape(same.content.decode())
    assert "identique à l'actuelle" in page and "une raison longue à retaper" in page
    assert reformulate(client_in, voted, item, "   ").status_code == 400
    assert not ItemRevision.objects.exists()


def test_a_new_round_on_chosen_items_closes_the_previous_one_and_opens(facilitator, client_in):
    meeting = build_meeting(facilitator)
    first = meeting.current_round()
    chosen = list(meeting.items.all()[:2])
    response = client_in.post(
        reverse("debate:new_round", args=[meeting.pk]), {"items": [i.pk for i in chosen], "open_now": "on"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:grid", args=[meeting.pk, 2])
    first.refresh_from_db()
    second = meeting.rounds.get(number=2)
    assert first.status == Round.Status.CLOSED
    assert second.status == Round.Status.OPEN
    assert [ri.item for ri in second.round_items.all()] == chosen


def test_a_new_round_can_wait_to_be_opened(voted, client_in):
    item = voted.items.first()
    client_in.post(reverse("debate:new_round", args=[voted.pk]), {"items": [item.pk]})
    assert voted.rounds.get(number=2).status == Round.Status.PREPARING


def test_the_dissensus_items_are_checked_by_default(voted, client_in):
    page = client_in.get(reverse("debate:page", args=[voted.pk])).content.decode()
    dissensus = voted.items.get(text="Créer un café associatif")
    consensus = voted.items.get(text="Un fonds d'initiatives habitants")
    assert f'value="{dissensus.pk}" id="id_items_0" checked' in page
    assert f'value="{consensus.pk}" id="id_items_1">' in page


def test_a_new_round_without_items_is_refused(voted, client_in):
    response = client_in.post(reverse("debate:new_round", args=[voted.pk]), {"open_now": "on"})
    assert response.status_code == 400
    assert "Cochez au moins un item" in response.content.decode()
    assert voted.rounds.count() == 1


def test_a_new_round_cannot_take_another_seances_item(voted, other_meeting, client_in):
    response = client_in.post(reverse("debate:new_round", args=[voted.pk]), {"items": [other_meeting.items.first().pk]})
    assert response.status_code == 400
    assert voted.rounds.count() == 1
