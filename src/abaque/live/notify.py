"""Telling the live screens (projector, phones, facilitator) that a séance
changed. Screens then fetch what they show: messages carry no vote."""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction


def group_name(meeting_id: int) -> str:
    return f"meeting-{meeting_id}"


def meeting_changed(meeting_id: int, topic: str = "meeting") -> None:
    """Broadcast once the current transaction commits (never a change that
    could still roll back). `topic`: items, participants, round, votes,
    results, debate, meeting."""

    def send():
        layer = get_channel_layer()
        if layer is not None:
            async_to_sync(layer.group_send)(
                group_name(meeting_id), {"type": "meeting.changed", "topic": topic}
            )

    transaction.on_commit(send)
