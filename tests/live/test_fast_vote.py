"""The phones' vote endpoint as `abaque serve` answers it: the ASGI app in
front of Django, with the writer thread that commits votes in batches."""

import asyncio
import json

import pytest
from asgiref.testing import ApplicationCommunicator
from channels.layers import get_channel_layer
from channels.routing import URLRouter
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from abaque.asgi import application
from abaque.live import fast_vote
from abaque.live.routing import websocket_urlpatterns
from abaque.meetings import vote_rules
from abaque.meetings.models import Round, Vote, VoteLog
from abaque.meetings.notify import group_name
from abaque.meetings.rounds import close_round, open_round
from abaque.meetings.vote_batch import writer

pytestmark = pytest.mark.django_db(transaction=True)  # the writer thread has its own connection
SECRET = "k" * 32  # a CSRF secret as Django keeps it in its cookie


def headers(token=SECRET, host=b"localhost", origin=None):
    found = [(b"host", host), (b"content-type", b"application/json"), (b"cookie", f"csrftoken={SECRET}".encode())]
    if token is not None:
        found.append((b"x-csrftoken", token.encode()))
    if origin:
        found.append((b"origin", origin))
    return found


async def request(method, path, body=b"", headers=(), client="127.0.0.1"):
    """One HTTP request through the ASGI application: (status, body)."""
    scope = {
        "type": "http",
        "http_version": "1.1",
        "method": method,
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "scheme": "http",
        "headers": list(headers),
        "client": (client, 50000),
        "server": ("localhost", 80),
    }
    communicator = ApplicationCommunicator(application, scope)
    await communicator.send_input({"type": "http.request", "body": body, "more_body": False})
    start = await communicator.receive_output(10)
    chunks = []
    while True:
        message = await communicator.receive_output(10)
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            return start["status"], b"".join(chunks)


async def post(path, body, **kwargs):
    status, answer = await request("POST", path, body, headers(**kwargs))
    return status, json.loads(answer or b"null")


def vote_body(item, code="VG", number=1):
    return json.dumps({"round": number, "item": item.pk, "code": code}).encode()


@pytest.fixture(autouse=True)
def _writer_lets_go_of_the_database():
    yield
    writer.release_connection()


@pytest.fixture
def room(meeting):
    open_round(meeting.rounds.get(number=1))
    return meeting


def test_a_phone_vote_is_acknowledged_once_stored(room):
    anne, item = room.participants.first(), room.items.first()
    status, answer = asyncio.run(post(f"/b/{anne.token}/vote/", vote_body(item, "rr")))
    assert (status, answer) == (200, {"ok": True, "round": 1, "item": item.pk, "code": "RR"})
    assert Vote.objects.get(participant=anne, item=item).code == "RR"
    assert VoteLog.objects.get(participant=anne).source == "phone"


def test_a_room_voting_at_once_gets_every_vote_stored_exactly_once(room):
    people, items = list(room.participants.all()), list(room.items.all())

    async def everyone():
        calls = [post(f"/b/{p.token}/vote/", vote_body(i, "G")) for p in people for i in items]
        calls += [post(f"/b/{people[0].token}/vote/", vote_body(items[0], "B"))]  # a change of mind
        return await asyncio.gather(*calls)

    answers = asyncio.run(everyone())
    assert all(status == 200 for status, _ in answers)
    assert Vote.objects.count() == len(people) * len(items)
    assert VoteLog.objects.count() == len(people) * len(items) + 1
    assert Vote.objects.get(participant=people[0], item=items[0]).code in ("G", "B")  # the last committed wins


def test_the_screens_hear_once_of_a_burst_of_votes(room):
    """Every vote goes through the notifier; the projector's socket folds the
    burst into progress messages (one every FLUSH_DELAY, the one debounce)."""
    people, item, facilitator = list(room.participants.all()), room.items.first(), room.facilitator
    path = f"/ws/seances/{room.pk}/"
    scope = {"type": "websocket", "path": path, "query_string": b"", "headers": [], "subprotocols": []}

    async def burst():
        layer = get_channel_layer()
        channel = await layer.new_channel()
        await layer.group_add(group_name(room.pk), channel)
        screen = ApplicationCommunicator(URLRouter(websocket_urlpatterns), {**scope, "user": facilitator})
        await screen.send_input({"type": "websocket.connect"})
        assert (await screen.receive_output(5))["type"] == "websocket.accept"
        await screen.receive_output(5)  # the progress sent on connection
        await asyncio.gather(*[post(f"/b/{p.token}/vote/", vote_body(item)) for p in people])
        announced = [await asyncio.wait_for(layer.receive(channel), 2)]
        shown = [json.loads((await screen.receive_output(2))["text"])]
        while not await screen.receive_nothing(0.5):
            shown.append(json.loads((await screen.receive_output())["text"]))
        await screen.send_input({"type": "websocket.disconnect", "code": 1000})
        await screen.wait(2)
        return announced, shown

    announced, shown = asyncio.run(burst())
    assert announced[0]["topic"] == "votes"
    assert shown[-1]["kind"] == "progress" and shown[-1]["votes"] == len(people)
    assert len(shown) < len(people)


def test_a_vote_without_the_csrf_token_is_refused(room):
    anne, item = room.participants.first(), room.items.first()
    assert asyncio.run(post(f"/b/{anne.token}/vote/", vote_body(item), token=None))[0] == 403
    assert asyncio.run(post(f"/b/{anne.token}/vote/", vote_body(item), token="x" * 32))[0] == 403
    assert asyncio.run(post(f"/b/{anne.token}/vote/", vote_body(item), origin=b"http://evil.example"))[0] == 403
    assert not Vote.objects.exists()


def test_an_unknown_host_is_refused(room):
    anne, item = room.participants.first(), room.items.first()
    assert asyncio.run(post(f"/b/{anne.token}/vote/", vote_body(item), host=b"evil.example"))[0] == 400
    assert not Vote.objects.exists()


def test_refusals_keep_the_contract(room, other_meeting):
    anne, item = room.participants.first(), room.items.first()
    assert asyncio.run(post("/b/pas-un-jeton/vote/", vote_body(item)))[0] == 404
    status, answer = asyncio.run(post(f"/b/{anne.token}/vote/", vote_body(other_meeting.items.first())))
    assert status == 409 and "pas soumis" in answer["error"]
    assert asyncio.run(post(f"/b/{anne.token}/vote/", b"{not json"))[0] == 400
    assert asyncio.run(post(f"/b/{anne.token}/vote/", b"x" * 5000))[0] == 413
    close_round(room.rounds.get(number=1))
    status, answer = asyncio.run(post(f"/b/{anne.token}/vote/", vote_body(item)))
    assert status == 409 and "clos" in answer["error"]
    assert not Vote.objects.exists()


def test_other_requests_still_reach_django():
    assert asyncio.run(request("GET", "/rejoindre/", headers=[(b"host", b"localhost")]))[0] == 200


def test_the_fast_path_explains_its_refusals_in_the_seance_language(room, monkeypatch):
    """The fast path runs before Django's request stack (no LocaleMiddleware,
    another thread for the writer): its refusals still read as the séance."""
    room.language = "en"
    room.save()
    closed = vote_rules.NOT_OPEN[Round.Status.CLOSED]
    # The English of a meetings refusal, as the meetings catalogue gives it.
    catalogue = translation.trans_real.translation("en")._catalog
    monkeypatch.setattr(catalogue, "_catalogs", [{str(closed): "The vote is closed."}, *catalogue._catalogs])
    anne, item = room.participants.first(), room.items.first()
    status, answer = asyncio.run(post(f"/b/{anne.token}/vote/", b"{not json"))
    assert (status, answer["error"]) == (400, "Unreadable request: reload the page.")
    status, answer = asyncio.run(post(f"/b/{anne.token}/vote/", vote_body(item), token=None))
    assert status == 403 and answer["error"].startswith("Session expired")
    close_round(room.rounds.get(number=1))
    status, answer = asyncio.run(post(f"/b/{anne.token}/vote/", vote_body(item)))
    assert (status, answer["error"]) == (409, "The vote is closed.")
    room.language = "fr"
    room.save()
    status, answer = asyncio.run(post(f"/b/{anne.token}/vote/", vote_body(item)))
    assert (status, answer["error"]) == (409, str(closed))


def test_the_fast_path_answers_the_vote_url_of_the_url_table(room):
    """One source for the endpoint's path: the fast path matches what
    live/urls.py reverses, and nothing else of the phone's."""
    anne = room.participants.first()
    assert fast_vote.vote_path().match(reverse("live:vote", args=[anne.token]))["token"] == anne.token
    assert not fast_vote.vote_path().match(reverse("live:state", args=[anne.token]))
    assert not fast_vote.vote_path().match(reverse("live:ballot", args=[anne.token]))


@override_settings(ROOT_URLCONF="tests.live.urls_elsewhere")
def test_the_fast_path_follows_the_vote_url_where_it_is_mounted():
    assert fast_vote.compile_vote_path().match("/ailleurs/b/abc_DEF-1/vote/")["token"] == "abc_DEF-1"
    assert not fast_vote.compile_vote_path().match("/b/abc/vote/")
