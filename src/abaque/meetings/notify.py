"""Telling the live screens (projector, phones, facilitator) that a séance
changed. Screens then fetch what they show: messages carry no vote."""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

# Phones only need to know when the round opens or closes and when items or
# names change: they never receive the flood of other people's votes.
PHONE_TOPICS = frozenset({"round", "items", "participants", "meeting"})


def group_name(meeting_id: int) -> str:
    """The facilitator's screens: projector, controls, grid."""
    return f"meeting-{meeting_id}"


def phone_group_name(meeting_id: int) -> str:
    return f"meeting-{meeting_id}-phones"


async def announce(meeting_id: int, topic: str = "meeting") -> None:
    """Tell the screens of a séance that `topic` changed, now. The one place
    that builds the message: the fast vote path calls it directly."""
    layer = get_channel_layer()
    if layer is None:
        return
    message = {"type": "meeting.changed", "topic": topic}
    await layer.group_send(group_name(meeting_id), message)
    if topic in PHONE_TOPICS:
        await layer.group_send(phone_group_name(meeting_id), message)


def meeting_changed(meeting_id: int, topic: str = "meeting") -> None:
    """Broadcast once the current transaction commits (never a change that
    could still roll back). `topic`: items, participants, round, votes,
    results, debate, meeting, phones (a name bound to a phone)."""
    transaction.on_commit(lambda: async_to_sync(announce)(meeting_id, topic))
