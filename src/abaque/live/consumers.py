"""WebSocket consumers: they tell screens what changed, never carry a vote.

A busy room sends many votes a second: the facilitator's screens receive
one progress message per FLUSH_DELAY at most, whatever the number of votes,
so the database sees one query burst per screen and per flush."""

import asyncio

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from abaque.meetings.models import Meeting, Participant
from abaque.meetings.notify import group_name, phone_group_name, voter_group_name

from .progress import round_progress

FLUSH_DELAY = 0.15  # seconds: fast enough to feel live, slow enough to fold a burst
REFUSED = 4403  # close code: not this facilitator's séance


class MeetingConsumer(AsyncJsonWebsocketConsumer):
    """ws/seances/<id>/: the projector and the facilitator's pages."""

    async def connect(self):
        self.meeting_id = self.scope["url_route"]["kwargs"]["meeting_id"]
        self.flush = None
        if not await self._allowed():
            await self.close(code=REFUSED)
            return
        self.group = group_name(self.meeting_id)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self.send_json(await self._progress())  # the séance exists: _allowed said so

    async def disconnect(self, code):
        if getattr(self, "group", None):
            await self.channel_layer.group_discard(self.group, self.channel_name)
        if self.flush:
            self.flush.cancel()

    async def meeting_changed(self, event):
        topic = event["topic"]
        if topic != "votes":
            await self.send_json({"kind": "refresh", "topic": topic})
        if topic in ("votes", "round", "items", "participants") and self.flush is None:
            self.flush = asyncio.ensure_future(self._flush_later())

    async def _flush_later(self):
        try:
            await asyncio.sleep(FLUSH_DELAY)
            self.flush = None  # votes arriving from now on schedule the next flush
            progress = await self._progress()
            if progress is None:  # the séance was deleted
                await self.close(code=REFUSED)
            else:
                await self.send_json(progress)
        except asyncio.CancelledError:
            pass

    @database_sync_to_async
    def _allowed(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            return False
        return Meeting.objects.filter(pk=self.meeting_id, facilitator=user).exists()

    @database_sync_to_async
    def _progress(self):
        meeting = Meeting.objects.filter(pk=self.meeting_id).first()
        return round_progress(meeting) if meeting else None


class PhoneConsumer(AsyncJsonWebsocketConsumer):
    """ws/b/<token>/: a phone learns when the round opens or closes and when
    the items change; it then fetches its own state."""

    async def connect(self):
        found = await self._participant_of(self.scope["url_route"]["kwargs"]["token"])
        self.groups_joined = []
        if found is None:
            await self.close(code=REFUSED)
            return
        participant_id, meeting_id = found
        # The séance's phones, and this participant's own (a vote the grid changed).
        self.groups_joined = [phone_group_name(meeting_id), voter_group_name(participant_id)]
        for group in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        for group in getattr(self, "groups_joined", []):
            await self.channel_layer.group_discard(group, self.channel_name)

    async def meeting_changed(self, event):
        await self.send_json({"kind": "refresh", "topic": event["topic"]})

    @database_sync_to_async
    def _participant_of(self, token):
        return Participant.objects.filter(token=token).values_list("pk", "meeting_id").first()
