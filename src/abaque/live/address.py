"""The address phones in the room use to reach this laptop, and its QR code."""

import segno
from django.urls import reverse

from abaque.network import local_addresses

LOOPBACK = ("localhost", "127.0.0.1", "[::1]")


def split_host(host: str) -> tuple[str, str]:
    """ "127.0.0.1:8000" → ("127.0.0.1", ":8000"); "[::1]" → ("[::1]", "")."""
    name, sep, port = host.rpartition(":")
    if not sep or "]" in port:  # no port, or a bare IPv6 address
        return host, ""
    return name, ":" + port


def phone_base_url(request) -> str:
    """The projector often runs on the laptop itself (localhost), which a
    phone cannot reach: show the laptop's address on the local network."""
    host, port = split_host(request.get_host())
    if host in LOOPBACK:
        addresses = local_addresses()
        if addresses:
            host = addresses[0]
    return f"{request.scheme}://{host}{port}"


def join_urls(request, meeting) -> dict:
    base = phone_base_url(request)
    direct = base + reverse("live:names", args=[meeting.join_code])
    return {
        "join_address": base + reverse("live:join"),
        "join_direct": direct,
        "join_qr": qr_svg(direct),
    }


def qr_svg(url: str) -> str:
    """Inline SVG, black on white, with a quiet zone: scanned from across a
    room on a projected wall."""
    return segno.make(url, error="m").svg_inline(scale=10, border=2, dark="#000", light="#fff", omitsize=True)
