"""The phones' vote endpoint, POST /b/<token>/vote/, answered before
Django's request stack: a room voting at once is the hot path of Abaque.

It keeps Django's own host and CSRF checks (run on a request object built
from the ASGI scope), parses the vote, hands it to the writer thread and
answers once the vote is committed. Everything else goes to Django."""

import asyncio
import functools
import io
import json
import re

from channels.db import database_sync_to_async
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.handlers.asgi import ASGIRequest
from django.middleware.csrf import CsrfViewMiddleware
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from abaque.meetings.models import Participant
from abaque.meetings.notify import announce
from abaque.meetings.vote_batch import PhoneVote, writer
from abaque.throttle import client_address

from . import vote_limits

TOKEN = r"[A-Za-z0-9_-]{1,64}"  # what a personal token is made of (secrets.token_urlsafe)
MAX_BODY = 4096
# French msgids, translated when sent, in the séance's language (refusals).
BAD_REQUEST = gettext_noop("Requête illisible : rechargez la page.")
CSRF_FAILED = gettext_noop("Session expirée : rechargez la page, vos votes en attente partiront.")


def compile_vote_path() -> re.Pattern:
    """The path of live:vote, from the URL table (live/urls.py is its one
    source): reversed with a marker for the token, which becomes the group."""
    marker = "TOKEN0MARKER"
    before, after = reverse("live:vote", kwargs={"token": marker}).split(marker)
    return re.compile(f"^{re.escape(before)}(?P<token>{TOKEN}){re.escape(after)}$")


@functools.cache
def vote_path() -> re.Pattern:
    """compile_vote_path(), once: the URL table is loaded by the first request."""
    return compile_vote_path()


def language_of(token: str) -> str:
    """The language of the séance of a token; the default one when the token
    is unknown (there is no séance to speak for)."""
    found = Participant.objects.filter(token=token).values_list("meeting__language", flat=True).first()
    return found or settings.LANGUAGE_CODE


def in_language(language: str, answer: dict) -> dict:
    """A refusal's message in `language`: the messages are French msgids
    (vote_rules, vote_batch, this module) or lazy texts, made into the
    séance's words here, at the point of sending, whatever thread or
    request cycle made them."""
    if "error" not in answer:
        return answer
    with translation.override(language):
        return {**answer, "error": gettext(str(answer["error"]))}


def refusal_for_phone(token: str, status: int, answer: dict) -> dict:
    """An answer as the phone reads it: a refusal in its séance's language."""
    return answer if status == 200 else in_language(language_of(token), answer)


def parse(token: str, body: bytes) -> PhoneVote:
    """{"round": n, "item": id, "code": "VG"|…|""}; ValueError when unreadable."""
    try:
        data = json.loads(body)
        return PhoneVote(token, int(data["round"]), int(data["item"]), str(data.get("code") or ""))
    # OverflowError: Infinity or 1e400; RecursionError: a deeply nested array.
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError, RecursionError) as error:
        raise ValueError(BAD_REQUEST) from error


def address_of(scope) -> str:
    """The client's address as the limits count it (throttle.client_address)."""
    peer = (scope.get("client") or ("",))[0]
    forwarded = next((v.decode("latin-1") for k, v in scope.get("headers", ()) if k == b"x-forwarded-for"), "")
    return client_address(peer, forwarded)


def _vote_view(request):  # what CSRF checks are run for; never called
    raise NotImplementedError


class VoteRouter:
    """ASGI app: phone votes here, every other request to `django_app`."""

    def __init__(self, django_app):
        self.django_app = django_app
        self.csrf = CsrfViewMiddleware(lambda request: None)
        self.notifying: dict[int, asyncio.Task] = {}  # meeting → its announcement, not sent yet

    async def __call__(self, scope, receive, send):
        match = vote_path().match(scope.get("path", "")) if scope["type"] == "http" else None
        if scope["type"] != "http" or scope["method"] != "POST" or not match:
            return await self.django_app(scope, receive, send)
        body = await _read_body(receive)
        token = match["token"]
        status, answer = await self.vote(scope, token, body)
        if status != 200:  # rare: one query for the séance's language
            answer = await database_sync_to_async(refusal_for_phone)(token, status, answer)
        await _send_json(send, status, answer)

    async def vote(self, scope, token, body):
        if body is None:
            return 413, {"error": BAD_REQUEST}
        address = address_of(scope)
        refusal = vote_limits.refusal(address) or self._refusal(scope, body)
        if refusal:
            return refusal
        try:
            phone_vote = parse(token, body)
        except ValueError as error:
            return 400, {"error": str(error)}
        outcome = await asyncio.wrap_future(writer.submit(phone_vote))
        vote_limits.note(address, outcome.status)
        if outcome.status == 200:
            self._notify_soon(outcome.meeting_id)
        return outcome.status, outcome.body

    def _refusal(self, scope, body):
        """Django's host validation and CSRF check, as for any form."""
        request = ASGIRequest(scope, io.BytesIO(body))
        try:
            request.get_host()
        except DisallowedHost:
            return 400, {"error": BAD_REQUEST}
        self.csrf.process_request(request)
        if self.csrf.process_view(request, _vote_view, (), {}) is not None:
            return 403, {"error": CSRF_FAILED}
        return None

    def _notify_soon(self, meeting_id):
        """Tell the screens through the notifier, without holding the answer.
        No timer here: votes acknowledged before the announcement leaves
        (a committed batch) share it, and the screens fold bursts into one
        progress message every FLUSH_DELAY (live/consumers.py), the one
        debounce of votes."""
        if meeting_id not in self.notifying:
            self.notifying[meeting_id] = asyncio.get_running_loop().create_task(self._notify(meeting_id))

    async def _notify(self, meeting_id):
        del self.notifying[meeting_id]  # from now on, a vote needs an announcement of its own
        await announce(meeting_id, "votes")


async def _read_body(receive) -> bytes | None:
    """The whole body, or None past MAX_BODY (a vote is a few dozen bytes)."""
    chunks, size = [], 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            return b""
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY:
            return None
        chunks.append(chunk)
        if not message.get("more_body"):
            return b"".join(chunks)


async def _send_json(send, status, answer):
    body = json.dumps(answer).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"cache-control", b"no-store"),
                (b"x-content-type-options", b"nosniff"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
