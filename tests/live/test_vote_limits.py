"""Votes from one address are bounded, on both vote paths (the ASGI fast
path of `abaque serve`, and Django's view): a script is slowed down, the
hall's shared address and the laptop itself are not; behind the park's
proxy each client is counted, not the proxy."""

import asyncio

import pytest
from django.test import Client

from abaque.live import vote_limits
from abaque.meetings.rounds import open_round
from tests.live.test_fast_vote import headers, request, vote_body

HALL = "203.0.113.7"


@pytest.fixture(autouse=True)
def small_limits(monkeypatch):
    """Limits small enough for a test; every test starts with clean counts."""
    monkeypatch.setattr(vote_limits, "VOTES_PER_MINUTE", vote_limits.Window(limit=5, seconds=60))
    monkeypatch.setattr(vote_limits, "UNKNOWN_LINKS", vote_limits.Window(limit=3, seconds=600))


@pytest.fixture
def room(meeting):
    open_round(meeting.rounds.get(number=1))
    return meeting


def test_a_window_counts_per_address_and_starts_again_once_over():
    window = vote_limits.Window(limit=2, seconds=60)
    for _ in range(2):
        window.count("a", now=0)
    assert window.full("a", now=59) and not window.full("b", now=59)
    assert not window.full("a", now=60)  # a new minute


def post_view(client, token, item, address, code="VG", **extra):
    return client.post(
        f"/b/{token}/vote/", vote_body(item, code), content_type="application/json", REMOTE_ADDR=address, **extra
    )


def test_past_the_limit_an_address_is_asked_to_wait_in_french(room):
    client, anne, item = Client(), room.participants.first(), room.items.first()
    codes = ["VG", "G", "O", "R", "RR"]
    assert [post_view(client, anne.token, item, HALL, code).status_code for code in codes] == [200] * 5
    refused = post_view(client, anne.token, item, HALL, "W")
    assert refused.status_code == 429 and "Trop de votes depuis cette adresse" in refused.json()["error"]
    assert post_view(client, anne.token, item, "198.51.100.2", "W").status_code == 200  # another address
    assert post_view(client, anne.token, item, "127.0.0.1", "W").status_code == 200  # the laptop itself


def test_guessing_links_closes_the_address_even_for_a_real_link(room):
    client, anne, item = Client(), room.participants.first(), room.items.first()
    assert [post_view(client, f"devine{i}", item, HALL).status_code for i in range(3)] == [404] * 3
    assert post_view(client, anne.token, item, HALL).status_code == 429
    assert post_view(client, anne.token, item, "198.51.100.2").status_code == 200


def test_behind_the_proxy_each_client_is_counted_not_the_proxy(room, settings):
    settings.ABAQUE_BEHIND_PROXY = True
    client, anne, item = Client(), room.participants.first(), room.items.first()
    for _ in range(5):
        post_view(client, anne.token, item, "127.0.0.1", HTTP_X_FORWARDED_FOR=f"10.0.0.1, {HALL}")
    assert post_view(client, anne.token, item, "127.0.0.1", HTTP_X_FORWARDED_FOR=HALL).status_code == 429
    other = post_view(client, anne.token, item, "127.0.0.1", HTTP_X_FORWARDED_FOR=f"{HALL}, 198.51.100.9")
    assert other.status_code == 200  # the proxy appended another client: a forged first entry changes nothing


@pytest.mark.django_db(transaction=True)
def test_the_fast_path_applies_the_same_limits(room):
    from abaque.meetings.vote_batch import writer

    anne, item = room.participants.first(), room.items.first()

    async def votes(n, address):
        return [
            (await request("POST", f"/b/{anne.token}/vote/", vote_body(item), headers(), client=address))[0]
            for _ in range(n)
        ]

    try:
        assert asyncio.run(votes(6, HALL)) == [200] * 5 + [429]
        assert asyncio.run(votes(1, "198.51.100.2")) == [200]
    finally:
        writer.release_connection()
