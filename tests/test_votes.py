"""What a vote promises: one per item, round and participant, the last one
wins, refused after close, logged, and the log rebuilds the matrix."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import IntegrityError, transaction

from abaque.meetings.models import Vote, VoteLog
from abaque.meetings.rounds import close_round, new_round, open_round
from abaque.meetings.votes import VoteRefused, cast_rows, cast_vote, log_mismatches, replay_log


@pytest.fixture
def first(meeting):
    return meeting.rounds.get(number=1)


def test_the_last_vote_wins_and_is_stored_once(meeting, first):
    item, person = meeting.items.first(), meeting.participants.first()
    cast_vote(first, item, person, "R")
    cast_vote(first, item, person, "vg")
    assert list(Vote.objects.filter(round=first).values_list("code", flat=True)) == ["VG"]
    assert VoteLog.objects.filter(round=first).count() == 2


def test_the_database_refuses_a_second_row_for_the_same_cell(meeting, first):
    item, person = meeting.items.first(), meeting.participants.first()
    Vote.objects.create(round=first, item=item, participant=person, code="G")
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(round=first, item=item, participant=person, code="R")


def test_it_refuses_a_vote_after_close(meeting, first):
    close_round(first)
    with pytest.raises(VoteRefused, match="clos"):
        cast_vote(first, meeting.items.first(), meeting.participants.first(), "G")
    assert not Vote.objects.exists()


def test_it_refuses_a_code_outside_the_meetings_scale(meeting, first):
    meeting.scale_variant = "three"
    meeting.save()
    with pytest.raises(VoteRefused, match="Couleur inconnue"):
        cast_vote(first, meeting.items.first(), meeting.participants.first(), "VG")


def test_it_refuses_an_item_or_participant_of_another_meeting(meeting, first, other_meeting):
    with pytest.raises(VoteRefused):
        cast_vote(first, other_meeting.items.first(), meeting.participants.first(), "G")
    with pytest.raises(VoteRefused):
        cast_vote(first, meeting.items.first(), other_meeting.participants.first(), "G")


def test_it_refuses_an_item_that_is_not_in_the_round(meeting, first):
    items = list(meeting.items.all())
    second = new_round(meeting, items[:1])
    with pytest.raises(VoteRefused, match="pas soumis"):
        cast_vote(second, items[1], meeting.participants.first(), "G")


def test_an_empty_code_clears_the_cell_and_is_logged(meeting, first):
    item, person = meeting.items.first(), meeting.participants.first()
    cast_vote(first, item, person, "B")
    assert cast_vote(first, item, person, "") is None
    assert not Vote.objects.exists()
    assert list(VoteLog.objects.values_list("code", flat=True)) == ["B", ""]


def test_the_log_rebuilds_the_stored_matrix(meeting, first):
    items, people = list(meeting.items.all()), list(meeting.participants.all())
    for i, item in enumerate(items):
        for j, person in enumerate(people):
            cast_vote(first, item, person, ["VG", "G", "O", "R", "RR", "W", "B"][(i + j) % 7])
    cast_vote(first, items[0], people[0], "")
    assert log_mismatches(first) == []
    assert len(replay_log(first)) == len(items) * len(people) - 1


def test_verify_votes_reports_a_tampered_vote(meeting, first):
    item, person = meeting.items.first(), meeting.participants.first()
    cast_vote(first, item, person, "G")
    call_command("verify_votes", meeting.pk)  # conforme
    Vote.objects.filter(round=first).update(code="RR")
    assert log_mismatches(first) == [(item.pk, person.pk, "G", "RR")]
    with pytest.raises(CommandError, match="1 écart"):
        call_command("verify_votes", meeting.pk)


def test_opening_a_round_moves_the_meeting_to_the_vote(meeting, first):
    open_round(first)
    meeting.refresh_from_db()
    first.refresh_from_db()
    assert meeting.phase == "vote" and first.status == "open" and first.opened_at


def test_a_new_round_closes_the_previous_and_keeps_the_wording(meeting, first):
    items = list(meeting.items.all())
    open_round(first)
    second = new_round(meeting, items[:2])
    first.refresh_from_db()
    assert first.is_closed
    assert second.number == 2
    assert [ri.text for ri in second.round_items.all()] == [i.text for i in items[:2]]


def test_rows_of_codes_become_votes_one_item_a_row(meeting):
    round_ = meeting.current_round()
    open_round(round_)
    cast_rows(round_, ["VG G . RR", "B . . W", ". . . ."])
    first, second, _ = round_.round_items.select_related("item")
    people = list(meeting.participants.all())
    cells = {(v.item_id, v.participant_id): v.code for v in Vote.objects.filter(round=round_)}
    assert cells == {
        (first.item_id, people[0].pk): "VG",
        (first.item_id, people[1].pk): "G",
        (first.item_id, people[3].pk): "RR",
        (second.item_id, people[0].pk): "B",
        (second.item_id, people[3].pk): "W",
    }


def test_rows_that_do_not_fit_the_round_are_refused_unless_told(meeting):
    round_ = meeting.current_round()
    open_round(round_)
    with pytest.raises(ValueError):
        cast_rows(round_, ["VG G"])
    cast_rows(round_, ["VG G"], strict=False)
    assert Vote.objects.filter(round=round_).count() == 2
