"""Refuses a request body larger than anything Abaque accepts before it is
read: Django's ASGI handler would otherwise spool the whole body to disk (a
201 MB upload read whole only to be refused)."""

import json

from django.http import JsonResponse

# The largest body: one debate recording (debate.forms.MAX_RECORDING_BYTES)
# plus the multipart envelope and the form's other fields.
MAX_RECORDING_MB = 200
MAX_BODY_BYTES = MAX_RECORDING_MB * 1024 * 1024 + 64 * 1024
TOO_LARGE = f"Cet envoi dépasse {MAX_RECORDING_MB} Mo : il n'a pas été reçu."


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
            return JsonResponse({"error": TOO_LARGE}, status=413)
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
            return await self._refuse(send)
        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                await self._refuse(send)
                return {"type": "http.disconnect"}  # the app stops reading
            return message

        return await self.app(scope, limited_receive, send)

    @staticmethod
    async def _refuse(send):
        body = json.dumps({"error": TOO_LARGE}).encode()
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
