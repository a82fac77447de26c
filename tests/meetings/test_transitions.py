"""The séance's moves (meetings/transitions.py): each allowed move changes
the state and tells the screens once committed; each refused one says why
in French and changes nothing."""

import pytest

from abaque.meetings import transitions
from abaque.meetings.models import Meeting, Round
from abaque.meetings.rounds import close_round, open_round
from tests.conftest import build_meeting


def test_opening_the_vote_opens_the_round_and_tells_screens_and_phones(meeting, heard, move):
    round_ = move(transitions.open_vote, meeting)
    assert round_.status == Round.Status.OPEN
    meeting.refresh_from_db()
    assert meeting.phase == Meeting.Phase.VOTE
    assert heard.heard(meeting) == ["round"]
    assert heard.heard(meeting, phones=True) == ["round"]


def test_a_vote_without_items_cannot_be_opened(facilitator, screens, move):
    empty = build_meeting(facilitator, items=())
    screens.listen(empty)
    with pytest.raises(transitions.Refused, match="Ajoutez au moins un item") as refusal:
        move(transitions.open_vote, empty)
    assert not refusal.value.warning
    assert empty.current_round().status == Round.Status.PREPARING
    assert screens.heard(empty) == []


def test_a_closed_round_reopens_only_when_confirmed(meeting, heard, move):
    round_ = meeting.current_round()
    open_round(round_)
    close_round(round_)
    with pytest.raises(transitions.Refused, match="confirmez pour rouvrir") as refusal:
        move(transitions.open_vote, meeting)
    assert refusal.value.warning
    assert meeting.current_round().is_closed
    assert heard.heard(meeting) == []
    move(transitions.open_vote, meeting, reopen=True)
    round_.refresh_from_db()
    assert round_.status == Round.Status.OPEN and round_.reopen_count == 1
    assert heard.heard(meeting) == ["round"]


def test_closing_the_vote_closes_the_round_and_tells_the_screens(meeting, heard, move):
    open_round(meeting.current_round())
    round_ = move(transitions.close_vote, meeting)
    assert round_.is_closed
    meeting.refresh_from_db()
    assert meeting.phase == Meeting.Phase.RESULTS
    assert heard.heard(meeting) == ["round"]
    assert heard.heard(meeting, phones=True) == ["round"]


def test_closing_a_vote_that_is_not_open_is_refused(meeting, heard, move):
    with pytest.raises(transitions.Refused, match="Aucun vote n'est ouvert") as refusal:
        move(transitions.close_vote, meeting)
    assert refusal.value.warning
    assert meeting.current_round().status == Round.Status.PREPARING
    assert heard.heard(meeting) == []


def test_revealing_the_results_tells_the_screens_and_the_phones(meeting, heard, move):
    """The phones hear it too: they say « Regardez l'écran » while the results are shown."""
    move(transitions.reveal_results, meeting, True)
    meeting.refresh_from_db()
    assert meeting.results_revealed
    move(transitions.reveal_results, meeting, False)
    meeting.refresh_from_db()
    assert not meeting.results_revealed
    assert heard.heard(meeting) == ["results", "results"]
    assert heard.heard(meeting, phones=True) == ["results", "results"]


def test_choosing_the_order_of_the_results(meeting, heard, move):
    move(transitions.order_results, meeting, "seriation")
    meeting.refresh_from_db()
    assert meeting.ordering == Meeting.Ordering.SERIATION
    assert heard.heard(meeting) == ["results"]


def test_an_unknown_order_is_refused(meeting, heard, move):
    with pytest.raises(transitions.Refused, match="Ordre inconnu"):
        move(transitions.order_results, meeting, "hasard")
    meeting.refresh_from_db()
    assert meeting.ordering == Meeting.Ordering.MEAN
    assert heard.heard(meeting) == []


def test_closing_and_reopening_the_join_code(meeting, heard, move):
    move(transitions.set_join_access, meeting, False)
    meeting.refresh_from_db()
    assert meeting.join_access == Meeting.JoinAccess.CLOSED and not meeting.join_open
    move(transitions.set_join_access, meeting, True)
    meeting.refresh_from_db()
    assert meeting.join_access == Meeting.JoinAccess.OPEN and meeting.join_open
    assert heard.heard(meeting) == ["participants", "participants"]
    assert heard.heard(meeting, phones=True) == ["participants", "participants"]


def test_releasing_a_name_frees_it_and_tells_the_screens(meeting, heard, move):
    anne = meeting.participants.first()
    old = anne.token
    move(transitions.release_name, anne)
    anne.refresh_from_db()
    assert anne.token != old and anne.claimed_at is None
    assert heard.heard(meeting) == ["participants"]


def test_a_new_round_closes_the_current_one_and_can_open_at_once(meeting, heard, move):
    first = meeting.current_round()
    open_round(first)
    items = list(meeting.active_items()[:2])
    second = move(transitions.start_round, meeting, items, open_now=True)
    first.refresh_from_db()
    assert first.is_closed
    assert second.number == 2 and second.status == Round.Status.OPEN
    assert [ri.item_id for ri in second.round_items.order_by("item__position")] == [i.pk for i in items]
    assert heard.heard(meeting) == ["round"]


def test_a_new_round_left_closed_waits_for_the_facilitator(meeting, heard, move):
    second = move(transitions.start_round, meeting, list(meeting.active_items()[:1]))
    assert second.status == Round.Status.PREPARING
    assert heard.heard(meeting, phones=True) == ["round"]


def test_a_new_round_without_items_is_refused(meeting, heard, move):
    with pytest.raises(transitions.Refused, match="Cochez au moins un item"):
        move(transitions.start_round, meeting, [])
    assert meeting.rounds.count() == 1
    assert heard.heard(meeting) == []


def test_a_move_tells_nobody_before_its_transaction_commits(meeting, heard, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        transitions.open_vote(meeting)
    assert len(callbacks) == 1  # sent on commit only
    assert heard.heard(meeting) == []
