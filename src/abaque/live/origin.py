"""WebSocket origin check: the page that opens a socket must come from the
very host and port the socket is opened on (the host alone would let a page
served on another port of the same machine listen to the séance)."""

from urllib.parse import urlsplit

from django.conf import settings

DEFAULT_PORTS = {"http": 80, "https": 443}


def _origin_netloc(origin: str) -> str | None:
    parts = urlsplit(origin)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    try:
        port = parts.port or DEFAULT_PORTS[parts.scheme]
    except ValueError:
        return None
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    return f"{host}:{port}".lower()


def _host_netloc(host: str, origin: str) -> str:
    """The Host header with the port the origin's scheme implies when absent."""
    host = host.lower()
    if host.rsplit(":", 1)[-1].isdigit() and not host.endswith("]"):
        return host
    return f"{host}:{DEFAULT_PORTS.get(urlsplit(origin).scheme, 80)}"


def same_origin(origin: str, host: str) -> bool:
    if origin.rstrip("/") in settings.CSRF_TRUSTED_ORIGINS:  # a proxy that rewrites Host
        return True
    netloc = _origin_netloc(origin)
    return bool(netloc and host) and netloc == _host_netloc(host, origin)


class SameOriginValidator:
    """ASGI middleware: closes a WebSocket whose Origin is not its Host."""

    def __init__(self, application):
        self.application = application

    async def __call__(self, scope, receive, send):
        headers = dict(scope.get("headers", []))
        origin = headers.get(b"origin", b"").decode("latin1")
        host = headers.get(b"host", b"").decode("latin1")
        if scope["type"] == "websocket" and not same_origin(origin, host):
            await receive()  # the websocket.connect
            await send({"type": "websocket.close", "code": 403})
            return
        return await self.application(scope, receive, send)
