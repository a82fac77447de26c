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


def test_the_grid_keeps_a_phone_vote_unless_confirmed():
    from abaque.meetings import vote_rules

    assert vote_rules.keeps_phone_vote("phone", "VG", "RR", confirmed=False) == vote_rules.PHONE_VOTE
    assert vote_rules.keeps_phone_vote("phone", "VG", "", confirmed=False) == vote_rules.PHONE_VOTE  # nor cleared
    assert vote_rules.keeps_phone_vote("phone", "VG", "RR", confirmed=True) is None
    assert vote_rules.keeps_phone_vote("phone", "VG", "VG", confirmed=False) is None
    assert vote_rules.keeps_phone_vote("grid", "VG", "RR", confirmed=False) is None  # a card typed here
    assert vote_rules.keeps_phone_vote(None, None, "RR", confirmed=False) is None


@PATHS
def test_an_online_vote_after_the_closing_time_is_refused_but_the_room_still_votes(cast, client_in, meeting, first):
    from datetime import timedelta

    from django.utils import timezone

    open_round(first)
    meeting.online_closes_at = timezone.now() - timedelta(seconds=1)
    meeting.save(update_fields=["online_closes_at"])
    room, online = meeting.participants.all()[:2]
    online.origin = online.Origin.ONLINE
    online.save(update_fields=["origin"])
    item = meeting.items.first()
    assert cast(client_in, first, item, online, "G") == (
        409,
        "La consultation en ligne est close : votre vote n'a pas été enregistré.",
    )
    assert cast(client_in, first, item, room, "G")[0] == 200
    assert list(Vote.objects.values_list("participant_id", flat=True)) == [room.pk]


@PATHS
def test_an_online_vote_before_the_opening_time_is_refused(cast, client_in, meeting, first):
    from datetime import timedelta

    from django.utils import timezone

    open_round(first)
    meeting.online_opens_at = timezone.now() + timedelta(hours=1)
    meeting.save(update_fields=["online_opens_at"])
    online = meeting.participants.first()
    online.origin = online.Origin.ONLINE
    online.save(update_fields=["origin"])
    status, error = cast(client_in, first, meeting.items.first(), online, "G")
    assert (status, error) == (
        409,
        "La consultation en ligne n'est pas encore ouverte : votre vote n'a pas été enregistré.",
    )


def test_a_phone_reads_the_refusal_in_its_seances_language_whatever_language_is_active(meeting, first):
    """The batch of phone votes may mix séances and runs on the writer's
    thread, in whatever language is active there: each refusal is worded in
    its own séance's language."""
    from django.utils import translation

    from tests.conftest import build_meeting

    meeting.language = "en"
    meeting.save()
    french = build_meeting(meeting.facilitator, title="Séance française")
    close_round(first)
    close_round(french.rounds.get(number=1))
    batch = [
        PhoneVote(meeting.participants.first().token, 1, meeting.items.first().pk, "G"),
        PhoneVote(french.participants.first().token, 1, french.items.first().pk, "G"),
        PhoneVote(meeting.participants.first().token, 9, meeting.items.first().pk, "G"),
    ]
    with translation.override("fr"):  # the writer's thread: whatever language it runs in
        outcomes = store_phone_votes(batch)
    assert [o.body["error"] for o in outcomes] == [
        "The vote is closed: your vote was not recorded.",
        "Le vote est clos : votre vote n'a pas été enregistré.",
        "This vote does not match the current session: reload the page.",
    ]
