"""The debate's moves, one named function each: put an item in debate (the
projector switches to it), choose the order of speaking, start or stop the
recording, reword an item, project the evolution between rounds. Each checks the move, changes the state and tells
the screens through the notifier; the vote's own moves are in
meetings/transitions.py."""

from django.utils import timezone
from django.utils.translation import gettext as _

from abaque.meetings.models import Item, ItemRevision, Meeting
from abaque.meetings.notify import meeting_changed
from abaque.meetings.transitions import Refused

from .evolution import projected_rounds
from .revisions import reword


def _check_item(meeting: Meeting, item: Item) -> None:
    if item.meeting_id != meeting.pk or item.deleted_at is not None:
        raise Refused(_("Cet item n'existe pas dans cette séance."))


def debate_item(meeting: Meeting, item: Item) -> None:
    """Put `item` in debate: the séance enters the debate phase and the
    projector shows that item."""
    _check_item(meeting, item)
    meeting.debate_item = item
    meeting.phase = meeting.Phase.DEBATE
    meeting.save(update_fields=["debate_item", "phase", "updated_at"])
    meeting_changed(meeting.pk, "debate")


def order_speaking(meeting: Meeting, order: str | None) -> None:
    if order not in Meeting.SpeakingOrder.values:
        raise Refused(_("Ordre de parole inconnu : rien n'a changé."))
    meeting.speaking_order = order
    meeting.save(update_fields=["speaking_order", "updated_at"])
    meeting_changed(meeting.pk, "debate")


def set_recording(meeting: Meeting, on: bool) -> None:
    """Start or stop: the projector shows « Enregistrement en cours »."""
    meeting.recording_since = timezone.now() if on else None
    meeting.save(update_fields=["recording_since", "updated_at"])
    meeting_changed(meeting.pk, "debate")


def reword_item(meeting: Meeting, item: Item, text: str, reason: str = "") -> ItemRevision:
    """Give `item` a new wording after a misunderstanding; the old one stays
    with its votes (revisions.reword) and the screens show the new one."""
    _check_item(meeting, item)
    revision = reword(item, text, reason)
    meeting_changed(meeting.pk, "items")
    return revision


def project_evolution(meeting: Meeting, shown: bool) -> None:
    """Show the evolution between the last two closed rounds on the
    projector, or go back to the debate (or to the results)."""
    if shown:
        if projected_rounds(meeting) is None:
            raise Refused(_("Il faut deux tours de vote clos pour projeter leur évolution."))
        meeting.phase = meeting.Phase.EVOLUTION
    elif meeting.phase == meeting.Phase.EVOLUTION:
        meeting.phase = meeting.Phase.DEBATE if meeting.debate_item_id else meeting.Phase.RESULTS
    else:
        return
    meeting.save(update_fields=["phase", "updated_at"])
    meeting_changed(meeting.pk, "debate")
