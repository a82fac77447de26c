"""The WebSocket consumers: who may listen, and how many messages a flood
of votes becomes."""

import asyncio
import functools
import json

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from asgiref.testing import ApplicationCommunicator
from channels.routing import URLRouter
from django.db import connection
from django.test import Client

from abaque.live.routing import websocket_urlpatterns
from abaque.meetings.notify import meeting_changed, vote_changed_for
from abaque.meetings.rounds import open_round
from abaque.meetings.votes import cast_vote
from tests.conftest import build_meeting

pytestmark = pytest.mark.django_db(transaction=True)
router = URLRouter(websocket_urlpatterns)


def run_async(test):
    """Run an async test in its own event loop (no pytest-asyncio needed);
    database calls made through sync_to_async come back to this thread."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        return async_to_sync(test)(*args, **kwargs)

    return run


class WebsocketCommunicator(ApplicationCommunicator):
    """channels.testing's communicator, which cannot be imported without
    daphne (a server we do not use: uvicorn serves Abaque)."""

    def __init__(self, application, path, headers=None):
        scope = {"type": "websocket", "path": path, "query_string": b"", "headers": headers or [], "subprotocols": []}
        super().__init__(application, scope)

    async def connect(self, timeout=2):
        await self.send_input({"type": "websocket.connect"})
        response = await self.receive_output(timeout)
        return response["type"] == "websocket.accept", response

    async def receive_json_from(self, timeout=2):
        response = await self.receive_output(timeout)
        assert response["type"] == "websocket.send", response
        return json.loads(response["text"])

    async def disconnect(self, code=1000, timeout=2):
        await self.send_input({"type": "websocket.disconnect", "code": code})
        await self.wait(timeout)


@pytest.fixture(autouse=True)
def _memory_layer(settings):
    """The in-memory channel layer, even where REDIS_URL is set (CI)."""
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}


async def connect(path, user=None):
    communicator = WebsocketCommunicator(router, path)
    if user is not None:
        communicator.scope["user"] = user
    connected, _ = await communicator.connect()
    return communicator, connected


async def screen(meeting, user):
    """A facilitator's screen, connected, its first progress message read."""
    communicator, connected = await connect(f"/ws/seances/{meeting.pk}/", user)
    assert connected
    await communicator.receive_json_from()
    return communicator


@sync_to_async
def flood_of_votes(meeting, announcements=200):
    """Every participant votes on every item, then the votes are announced
    many times in a row, as a busy room does."""
    round_ = meeting.current_round()
    for participant in meeting.participants.all():
        for entry in round_.round_items.select_related("item"):
            cast_vote(round_, entry.item, participant, "G")
    for _ in range(announcements):
        meeting_changed(meeting.pk, "votes")


@sync_to_async
def changed(meeting, topic):
    meeting_changed(meeting.pk, topic)


@pytest.fixture
def live_meeting(facilitator):
    meeting = build_meeting(facilitator, n_participants=6)
    open_round(meeting.current_round())
    return meeting


@run_async
async def test_the_projector_socket_refuses_a_visitor(live_meeting):
    from django.contrib.auth.models import AnonymousUser

    communicator, connected = await connect(f"/ws/seances/{live_meeting.pk}/", AnonymousUser())
    assert not connected


@run_async
async def test_the_projector_socket_refuses_another_facilitator(live_meeting, other_facilitator):
    communicator, connected = await connect(f"/ws/seances/{live_meeting.pk}/", other_facilitator)
    assert not connected


@run_async
async def test_the_projector_gets_the_progress_on_connection(live_meeting, facilitator):
    communicator, connected = await connect(f"/ws/seances/{live_meeting.pk}/", facilitator)
    assert connected
    assert await communicator.receive_json_from() == {
        "kind": "progress",
        "round": 1,
        "votes": 0,
        "finished": 0,
        "participants": 6,
        "names": [],
    }
    await communicator.disconnect()


@run_async
async def test_a_flood_of_votes_becomes_one_progress_message(live_meeting, facilitator, monkeypatch):
    monkeypatch.setattr("abaque.live.consumers.FLUSH_DELAY", 0.5)  # room for a slow machine
    communicator = await screen(live_meeting, facilitator)
    await flood_of_votes(live_meeting)
    message = await communicator.receive_json_from(timeout=2)
    assert message["kind"] == "progress"
    assert (message["votes"], message["finished"]) == (18, 6)
    assert message["names"] == [
        "Anne Leroy",
        "Bruno Petit",
        "Chantal Roux",
        "David Girard",
        "Émilie Faure",
        "Farid Benali",
    ]
    assert await communicator.receive_nothing(timeout=0.4)
    await communicator.disconnect()


@run_async
async def test_votes_arriving_after_a_flush_get_their_own_message(live_meeting, facilitator):
    communicator = await screen(live_meeting, facilitator)
    await changed(live_meeting, "votes")
    await communicator.receive_json_from(timeout=2)
    await changed(live_meeting, "votes")
    assert (await communicator.receive_json_from(timeout=2))["kind"] == "progress"
    await communicator.disconnect()


@run_async
async def test_a_change_of_items_asks_the_screens_to_refresh(live_meeting, facilitator):
    communicator = await screen(live_meeting, facilitator)
    await changed(live_meeting, "items")
    assert await communicator.receive_json_from() == {"kind": "refresh", "topic": "items"}
    assert (await communicator.receive_json_from(timeout=2))["kind"] == "progress"  # the count of items changed
    await communicator.disconnect()


@run_async
async def test_an_anonymous_seance_sends_no_names(facilitator):
    meeting = await sync_to_async(build_meeting)(facilitator, mode="anonymous")
    await sync_to_async(open_round)(await sync_to_async(meeting.current_round)())
    communicator = await screen(meeting, facilitator)
    await flood_of_votes(meeting)
    message = await communicator.receive_json_from(timeout=2)
    assert message["finished"] == 4 and message["names"] == []
    await communicator.disconnect()


@run_async
async def test_a_phone_hears_of_the_round_but_not_of_others_votes(live_meeting):
    anne = await sync_to_async(live_meeting.participants.first)()
    communicator, connected = await connect(f"/ws/b/{anne.token}/")
    assert connected
    await changed(live_meeting, "votes")
    assert await communicator.receive_nothing(timeout=0.3)
    await changed(live_meeting, "round")
    assert await communicator.receive_json_from() == {"kind": "refresh", "topic": "round"}
    await communicator.disconnect()


@run_async
async def test_a_phone_socket_with_an_unknown_token_is_refused(live_meeting):
    communicator, connected = await connect("/ws/b/pas-un-jeton/")
    assert not connected


@run_async
async def test_a_phone_hears_nothing_of_another_seance(live_meeting, other_meeting):
    anne = await sync_to_async(live_meeting.participants.first)()
    communicator, _ = await connect(f"/ws/b/{anne.token}/")
    await changed(other_meeting, "round")
    assert await communicator.receive_nothing(timeout=0.3)
    await communicator.disconnect()


@run_async
async def test_the_real_application_authenticates_the_session_and_checks_the_origin(live_meeting, facilitator):
    from abaque.asgi import application

    client = Client()
    await sync_to_async(client.force_login)(facilitator)
    cookie = f"sessionid={client.cookies['sessionid'].value}".encode()
    path = f"/ws/seances/{live_meeting.pk}/"
    good = WebsocketCommunicator(
        application, path, headers=[(b"origin", b"http://127.0.0.1"), (b"host", b"127.0.0.1"), (b"cookie", cookie)]
    )
    assert (await good.connect())[0]
    await good.disconnect()
    foreign = WebsocketCommunicator(
        application, path, headers=[(b"origin", b"http://evil.example"), (b"cookie", cookie)]
    )
    assert not (await foreign.connect())[0]
    await asyncio.sleep(0)


@run_async
async def test_a_screen_of_a_deleted_seance_is_closed(live_meeting, facilitator):
    communicator = await screen(live_meeting, facilitator)
    meeting_id = live_meeting.pk
    await sync_to_async(live_meeting.delete)()
    await sync_to_async(meeting_changed)(meeting_id, "votes")
    assert (await communicator.receive_output(timeout=2))["type"] == "websocket.close"


@sync_to_async
def start_counting_queries():
    connection.force_debug_cursor = True
    return len(connection.queries_log)


@sync_to_async
def queries_since(start):
    connection.force_debug_cursor = False
    return len(connection.queries_log) - start


@sync_to_async
def changed_many(meeting, times):
    for _ in range(times):
        meeting_changed(meeting.pk, "votes")


@run_async
async def test_a_flood_costs_the_database_one_progress_computation(live_meeting, facilitator, monkeypatch):
    """200 announced votes: one flush, so a handful of queries, not 200 of them."""
    monkeypatch.setattr("abaque.live.consumers.FLUSH_DELAY", 0.5)
    communicator = await screen(live_meeting, facilitator)
    start = await start_counting_queries()
    await changed_many(live_meeting, 200)
    await communicator.receive_json_from(timeout=3)
    assert await communicator.receive_nothing(timeout=0.6)
    n_queries = await queries_since(start)
    assert 0 < n_queries <= 6
    await communicator.disconnect()


@run_async
async def test_a_page_from_another_port_of_the_same_host_cannot_open_a_socket(live_meeting, facilitator):
    from abaque.asgi import application

    client = Client()
    await sync_to_async(client.force_login)(facilitator)
    cookie = f"sessionid={client.cookies['sessionid'].value}".encode()
    path = f"/ws/seances/{live_meeting.pk}/"
    other_port = WebsocketCommunicator(
        application,
        path,
        headers=[(b"origin", b"http://127.0.0.1:9999"), (b"host", b"127.0.0.1:8000"), (b"cookie", cookie)],
    )
    assert not (await other_port.connect())[0]
    same_port = WebsocketCommunicator(
        application,
        path,
        headers=[(b"origin", b"http://127.0.0.1:8000"), (b"host", b"127.0.0.1:8000"), (b"cookie", cookie)],
    )
    assert (await same_port.connect())[0]
    await same_port.disconnect()
    await asyncio.sleep(0)


@run_async
async def test_a_vote_changed_in_the_grid_reaches_that_phone_only(live_meeting):
    anne, bruno = await sync_to_async(lambda: list(live_meeting.participants.all()[:2]))()
    anne_phone, _ = await connect(f"/ws/b/{anne.token}/")
    bruno_phone, _ = await connect(f"/ws/b/{bruno.token}/")
    await sync_to_async(vote_changed_for)(anne.pk)
    assert await anne_phone.receive_json_from() == {"kind": "refresh", "topic": "vote"}
    assert await bruno_phone.receive_nothing(timeout=0.3)
    await anne_phone.disconnect()
    await bruno_phone.disconnect()


@run_async
async def test_a_phone_hears_when_the_results_are_shown(live_meeting):
    anne = await sync_to_async(live_meeting.participants.first)()
    communicator, _ = await connect(f"/ws/b/{anne.token}/")
    await changed(live_meeting, "results")
    assert await communicator.receive_json_from() == {"kind": "refresh", "topic": "results"}
    await communicator.disconnect()
