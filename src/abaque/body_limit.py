"""Refuses a request body larger than anything Abaque accepts before it is
read: Django's ASGI handler would otherwise spool the whole body to disk (a
201 MB upload read whole only to be refused)."""

import json
from contextlib import nullcontext
from http.cookies import CookieError, SimpleCookie

from django.conf import settings
from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _

# The largest body: one debate recording (debate.forms.MAX_RECORDING_BYTES)
# plus the multipart envelope and the form's other fields.
MAX_RECORDING_MB = 200
MAX_BODY_BYTES = MAX_RECORDING_MB * 1024 * 1024 + 64 * 1024


def too_large(language: str | None = None) -> str:
    """The refusal, in the active language (or in `language`)."""
    with translation.override(language) if language else nullcontext():
        return _("Cet envoi dépasse %(mb)d Mo : il n'a pas été reçu.") % {"mb": MAX_RECORDING_MB}


def scope_language(scope) -> str | None:
    """The language of the menu's switch, from the cookie of an ASGI request
    (the refusal comes before Django, and so before LocaleMiddleware)."""
    cookies = SimpleCookie()
    for name, value in scope.get("headers", []):
        if name == b"cookie":
            try:
                cookies.load(value.decode("latin-1"))
            except CookieError:
                return None
    morsel = cookies.get(settings.LANGUAGE_COOKIE_NAME)
    return morsel.value if morsel and morsel.value in dict(settings.LANGUAGES) else None


def declared_length(value) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


class BodyLimitMiddleware:
    """Django side (test client, WSGI): checks the declared length before
    anything (the CSRF check included) parses the body."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if declared_length(request.META.get("CONTENT_LENGTH")) > MAX_BODY_BYTES:
            return JsonResponse({"error": too_large()}, status=413)
        return self.get_response(request)


class AsgiBodyLimit:
    """ASGI side: refuses on the Content-Length header, and stops a body
    sent without one as soon as it passes the limit."""

    def __init__(self, app, limit=MAX_BODY_BYTES):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers", []))
        if declared_length(headers.get(b"content-length")) > self.limit:
            return await self._refuse(scope, send)
        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                await self._refuse(scope, send)
                return {"type": "http.disconnect"}  # the app stops reading
            return message

        return await self.app(scope, limited_receive, send)

    @staticmethod
    async def _refuse(scope, send):
        body = json.dumps({"error": too_large(scope_language(scope))}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
