"""One set of vote rules: the phone's batch path and the facilitator's grid
accept and refuse the same votes, with the same French messages."""

import pytest

from abaque.meetings.models import Vote
from abaque.meetings.rounds import close_round, new_round, open_round
from abaque.meetings.vote_batch import PhoneVote, store_phone_votes


def by_phone(client, round_, item, person, code):
    outcome = store_phone_votes([PhoneVote(person.token, round_.number, item.pk, code)])[0]
    return outcome.status, outcome.body.get("error")


def by_grid(client, round_, item, person, code):
    url = f"/seances/{round_.meeting_id}/tours/{round_.number}/vote/"
    response = client.post(url, {"item": item.pk, "participant": person.pk, "code": code})
    return response.status_code, response.json().get("error")


PATHS = pytest.mark.parametrize("cast", [by_phone, by_grid], ids=["phone", "grid"])


@pytest.fixture
def first(meeting):
    return meeting.rounds.get(number=1)


@PATHS
def test_a_round_being_prepared_takes_no_vote(cast, client_in, meeting, first):
    status, error = cast(client_in, first, meeting.items.first(), meeting.participants.first(), "G")
    assert status == 409
    assert error == "Le vote n'est pas encore ouvert : votre vote n'a pas été enregistré."
    assert not Vote.objects.exists()


@PATHS
def test_an_open_round_takes_the_vote(cast, client_in, meeting, first):
    open_round(first)
    status, error = cast(client_in, first, meeting.items.first(), meeting.participants.first(), "g")
    assert (status, error) == (200, None)
    assert Vote.objects.get().code == "G"


@PATHS
def test_a_closed_round_takes_no_vote(cast, client_in, meeting, first):
    open_round(first)
    close_round(first)
    status, error = cast(client_in, first, meeting.items.first(), meeting.participants.first(), "G")
    assert (status, error) == (409, "Le vote est clos : votre vote n'a pas été enregistré.")


@PATHS
def test_an_item_outside_the_round_is_refused(cast, client_in, meeting):
    items = list(meeting.items.all())
    second = new_round(meeting, items[:1])
    open_round(second)
    status, error = cast(client_in, second, items[1], meeting.participants.first(), "G")
    assert (status, error) == (409, "Cet item n'est pas soumis au vote dans ce tour : rechargez la page.")


@PATHS
def test_a_code_outside_the_seances_scale_is_refused(cast, client_in, meeting, first):
    meeting.scale_variant = "three"
    meeting.save()
    open_round(first)
    status, error = cast(client_in, first, meeting.items.first(), meeting.participants.first(), "VG")
    assert (status, error) == (409, "Couleur inconnue pour cette séance : VG.")
