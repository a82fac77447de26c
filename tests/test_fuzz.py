"""Every URL of the project, GET and POST with malformed data, ids of the
facilitator's own séance and wild ones: never a 500."""

import random
import time

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.reports.test_data import voted_meeting

SEED = 11
ROUNDS_PER_ROUTE = 10
WILD_IDS = ["0", "999999999", "99999999999999999999999999"]
VALUES = [
    "",
    "x" * 200_000,
    "\x00\x01\x02",
    "NaN",
    "Infinity",
    "1e400",
    "-1",
    "99999999999999999999999999",
    '=HYPERLINK("http://x","y")',
    "é" * 300,
    "\U0001f600" * 50,
    "[" * 2000,
    "true",
    "2026-13-45",
]
JSON_BODIES = [b'{"round": Infinity, "item": 1}', b'{"round": 1e400}', b"[" * 2000, b"null", b'"x"', b"{}", b"\xff\xfe"]
FIELDS = [
    "name",
    "text",
    "title",
    "question",
    "category",
    "email",
    "date",
    "code",
    "round",
    "item",
    "position",
    "note",
    "order",
    "confirm",
    "items",
    "participant",
    "level",
    "weight",
    "action",
    "file",
]


def patterns(resolver, prefix=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + str(entry.pattern)


def fill(route: str, ids: list[str], rng) -> str | None:
    out = route.lstrip("^").rstrip("$")
    if "(?P" in out or "\\" in out:
        return None  # regex routes (static, media) are not ours
    while "<" in out:
        start, end = out.index("<"), out.index(">")
        converter = out[start + 1 : end]
        value = (
            rng.choice(ids)
            if converter.startswith("int:") or ":" not in converter
            else rng.choice(["abc", "é", "x" * 80])
        )
        out = out[:start] + value + out[end + 1 :]
    return "/" + out


def test_no_url_answers_500_to_malformed_input(facilitator):
    meeting = voted_meeting(facilitator)
    ids = [
        str(meeting.pk),
        str(meeting.items.first().pk),
        str(meeting.participants.first().pk),
        str(meeting.rounds.first().pk),
        *WILD_IDS,
    ]
    client = Client(raise_request_exception=False)
    client.force_login(facilitator)
    rng, tried, failures, started = random.Random(SEED), 0, [], time.monotonic()
    routes = sorted(set(patterns(get_resolver())))
    for route in routes:
        for _ in range(ROUNDS_PER_ROUTE):
            url = fill(route, ids, rng)
            if url is None:
                continue
            data = {field: rng.choice(VALUES) for field in rng.sample(FIELDS, 6)}
            answers = [
                client.get(url, data),
                client.post(url, data),
                client.post(url, rng.choice(JSON_BODIES), content_type="application/json"),
            ]
            tried += len(answers)
            failures += [(url, a.status_code) for a in answers if a.status_code >= 500]
    print(f"fuzz: {tried} requests over {len(routes)} routes in {time.monotonic() - started:.1f} s")
    assert not failures, failures[:20]
