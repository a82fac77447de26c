"""The debate's moves (debate/transitions.py): put an item in debate, the
order of speaking, the recording; each tells the screens once committed."""

import pytest
from django.utils import timezone

from abaque.debate import transitions
from abaque.meetings.models import Meeting


def test_debating_an_item_enters_the_debate_and_tells_the_screens(meeting, heard, move):
    item = meeting.active_items().last()
    move(transitions.debate_item, meeting, item)
    meeting.refresh_from_db()
    assert meeting.debate_item == item and meeting.phase == Meeting.Phase.DEBATE
    assert heard.heard(meeting) == ["debate"]
    assert heard.heard(meeting, phones=True) == []


def test_an_item_of_another_seance_cannot_be_debated(meeting, other_meeting, heard, move):
    stranger = other_meeting.active_items().first()
    with pytest.raises(transitions.Refused, match="n'existe pas dans cette séance"):
        move(transitions.debate_item, meeting, stranger)
    meeting.refresh_from_db()
    assert meeting.debate_item is None and meeting.phase == Meeting.Phase.ITEMS
    assert heard.heard(meeting) == []


def test_a_deleted_item_cannot_be_debated(meeting, heard, move):
    item = meeting.items.first()
    item.deleted_at = timezone.now()
    item.save(update_fields=["deleted_at"])
    with pytest.raises(transitions.Refused, match="n'existe pas dans cette séance"):
        move(transitions.debate_item, meeting, item)
    assert heard.heard(meeting) == []


def test_choosing_the_order_of_speaking(meeting, heard, move):
    move(transitions.order_speaking, meeting, Meeting.SpeakingOrder.ALTERNATE)
    meeting.refresh_from_db()
    assert meeting.speaking_order == Meeting.SpeakingOrder.ALTERNATE
    assert heard.heard(meeting) == ["debate"]


def test_an_unknown_order_of_speaking_is_refused(meeting, heard, move):
    with pytest.raises(transitions.Refused, match="Ordre de parole inconnu"):
        move(transitions.order_speaking, meeting, "au-hasard")
    meeting.refresh_from_db()
    assert meeting.speaking_order == Meeting.SpeakingOrder.DISSENT_FIRST
    assert heard.heard(meeting) == []


def test_starting_and_stopping_the_recording(meeting, heard, move):
    move(transitions.set_recording, meeting, True)
    meeting.refresh_from_db()
    assert meeting.recording_since is not None
    move(transitions.set_recording, meeting, False)
    meeting.refresh_from_db()
    assert meeting.recording_since is None
    assert heard.heard(meeting) == ["debate", "debate"]


def test_rewording_an_item_keeps_the_old_wording_and_tells_the_screens_once(meeting, heard, move):
    item = meeting.active_items().first()
    old = item.text
    revision = move(transitions.reword_item, meeting, item, "Un café associatif ouvert à tous", "malentendu")
    item.refresh_from_db()
    assert item.text == "Un café associatif ouvert à tous"
    assert (revision.text, revision.reason) == (old, "malentendu")
    assert heard.heard(meeting) == ["items"]


def test_an_item_of_another_seance_cannot_be_reworded(meeting, other_meeting, heard, move):
    stranger = other_meeting.active_items().first()
    old = stranger.text
    with pytest.raises(transitions.Refused, match="n'existe pas dans cette séance"):
        move(transitions.reword_item, meeting, stranger, "Autre chose")
    stranger.refresh_from_db()
    assert stranger.text == old and not stranger.revisions.exists()
    assert heard.heard(meeting) == []


def test_a_reword_from_the_debate_page_tells_the_screens_once(
    meeting, client_in, heard, django_capture_on_commit_callbacks
):
    item = meeting.active_items().first()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_in.post(
            f"/seances/{meeting.pk}/debat/items/{item.pk}/reformuler/", {"text": "Un café associatif ouvert à tous"}
        )
    assert response.status_code == 302
    assert heard.heard(meeting) == ["items"]


def test_the_evolution_is_projected_with_two_closed_rounds_and_left_for_the_debate(two_rounds, screens, move):
    meeting = two_rounds[0]
    heard = screens.listen(meeting)
    move(transitions.project_evolution, meeting, True)
    meeting.refresh_from_db()
    assert meeting.phase == Meeting.Phase.EVOLUTION and heard.heard(meeting) == ["debate"]
    move(transitions.project_evolution, meeting, False)
    meeting.refresh_from_db()
    assert meeting.phase == Meeting.Phase.RESULTS  # no item in debate: back to the results
    assert heard.heard(meeting) == ["debate"]
    move(transitions.project_evolution, meeting, False)  # already left: nothing to tell
    assert heard.heard(meeting) == []


def test_the_evolution_needs_two_closed_rounds(meeting, heard, move):
    with pytest.raises(transitions.Refused, match="deux tours de vote clos"):
        move(transitions.project_evolution, meeting, True)
    meeting.refresh_from_db()
    assert meeting.phase == Meeting.Phase.ITEMS and heard.heard(meeting) == []
