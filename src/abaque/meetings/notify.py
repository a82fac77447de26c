"""Telling the live screens (projector, phones, facilitator) that a séance
changed. Screens then fetch what they show: messages carry no vote."""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

# Phones only need to know when the round opens or closes, when the results
# are shown or hidden and when items or names change: they never receive the
# flood of other people's votes.
PHONE_TOPICS = frozenset({"round", "items", "participants", "meeting", "results"})


def group_name(meeting_id: int) -> str:
    """The facilitator's screens: projector, controls, grid."""
    return f"meeting-{meeting_id}"


def phone_group_name(meeting_id: int) -> str:
    return f"meeting-{meeting_id}-phones"


def voter_group_name(participant_id: int) -> str:
    """The phone(s) of one participant."""
    return f"participant-{participant_id}"


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


def vote_changed_for(participant_id: int) -> None:
    """The facilitator changed this participant's vote in the grid: their
    phone fetches its state again (and only theirs), once committed."""

    async def tell() -> None:
        layer = get_channel_layer()
        if layer is not None:
            await layer.group_send(voter_group_name(participant_id), {"type": "meeting.changed", "topic": "vote"})

    transaction.on_commit(lambda: async_to_sync(tell)())
