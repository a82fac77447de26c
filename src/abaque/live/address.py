"""The address phones in the room use to reach this laptop, and its QR code."""

import segno
from django.urls import reverse

from abaque.network import local_addresses

LOOPBACK = ("localhost", "127.0.0.1", "[::1]")


def phone_base_url(request) -> str:
    """The projector often runs on the laptop itself (localhost), which a
    phone cannot reach: show the laptop's address on the local network."""
    host, sep, port = request.get_host().rpartition(":")
    if not sep or "]" in port:  # no port, or a bare IPv6 address
        host, port = request.get_host(), ""
    if host in LOOPBACK:
        addresses = local_addresses()
        if addresses:
            host = addresses[0]
    netloc = f"{host}:{port}" if port else host
    return f"{request.scheme}://{netloc}"


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
