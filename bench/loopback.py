"""Simulated phones on loopback: a minimal HTTP/1.1 keep-alive client.

Why not httpx or aiohttp: the phones and the server share the machine's two
cores, so every microsecond the client spends is taken from the server it
measures. Writing a request and parsing a status line, headers and a small
body costs a fraction of what a general-purpose client does.
"""

import asyncio
import json
import random
import secrets
import string
import time
from collections import Counter
from dataclasses import dataclass, field

# Django accepts any 32-character alphanumeric CSRF secret as the cookie, as
# long as the header carries the same: the phones skip fetching the ballot.
CSRF = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))


class Connection:
    """One phone's keep-alive connection."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def open(self):
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)

    def close(self):
        if self.writer is not None:
            self.writer.close()
            self.writer = None

    async def post_json(self, path: str, payload: dict) -> tuple[int, bytes]:
        if self.writer is None:
            await self.open()
        body = json.dumps(payload).encode()
        head = (
            f"POST {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
            f"Cookie: csrftoken={CSRF}\r\nX-CSRFToken: {CSRF}\r\n\r\n"
        )
        self.writer.write(head.encode() + body)
        return await self._response()

    async def _response(self) -> tuple[int, bytes]:
        status = int((await self.reader.readuntil(b"\r\n")).split(b" ", 2)[1])
        headers = {}
        while (line := await self.reader.readuntil(b"\r\n")) != b"\r\n":
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip().lower()
        if headers.get("transfer-encoding") == "chunked":
            body = await self._chunked()
        else:
            body = await self.reader.readexactly(int(headers.get("content-length", 0)))
        if headers.get("connection") == "close":
            self.close()
        return status, body

    async def _chunked(self) -> bytes:
        parts = []
        while size := int((await self.reader.readuntil(b"\r\n")).strip(), 16):
            parts.append(await self.reader.readexactly(size))
            await self.reader.readexactly(2)
        await self.reader.readuntil(b"\r\n")  # no trailers expected
        return b"".join(parts)


@dataclass
class Ballot:
    """One phone: its personal token and the votes it casts, in order."""

    token: str
    votes: list[tuple[int, str]]  # (item id, code)
    participant_id: int = 0


@dataclass
class Outcome:
    """What the phones saw: one entry per acknowledged vote, in ack order."""

    started: float = 0.0
    finished: float = 0.0
    latencies: list[float] = field(default_factory=list)
    ack_times: list[float] = field(default_factory=list)  # monotonic, for the projector lag
    acked: list[tuple[int, int, str]] = field(default_factory=list)  # (participant, item, code)
    refused: Counter = field(default_factory=Counter)  # HTTP status → count
    errors: int = 0

    @property
    def rate(self) -> float:
        return len(self.acked) / max(self.finished - self.started, 1e-9)


@dataclass(frozen=True)
class Load:
    """How the phones vote: `in_flight` phones at most at once; `think`, the
    (min, max) seconds a person takes between two votes (None: none)."""

    in_flight: int
    think: tuple[float, float] | None = None
    path: str = "/b/{token}/vote/"


async def run_phones(host, port, ballots, round_number, load, outcome=None, deadline=None):
    """Every phone casts its votes one after the other, waiting for each
    acknowledgement. No new vote leaves after `deadline` (monotonic).
    Returns the outcome and the ballots with votes left to send (the server
    went away, or time is up)."""
    outcome = outcome or Outcome()
    gate = asyncio.Semaphore(load.in_flight)
    outcome.started = outcome.started or time.monotonic()
    phones = (_phone(host, port, b, round_number, gate, outcome, load, deadline or float("inf")) for b in ballots)
    await asyncio.gather(*phones)
    outcome.finished = time.monotonic()
    return outcome, [b for b in ballots if b.votes]


async def _phone(host, port, ballot, round_number, gate, outcome, load, deadline):
    async with gate:
        connection = Connection(host, port)
        url = load.path.format(token=ballot.token)
        try:
            while ballot.votes:
                if load.think:  # reading the item, choosing a colour
                    await asyncio.sleep(random.uniform(*load.think))
                if time.monotonic() >= deadline:
                    break
                item, code = ballot.votes[0]
                sent = time.monotonic()
                status, body = await connection.post_json(url, {"round": round_number, "item": item, "code": code})
                acked = time.monotonic()
                ballot.votes.pop(0)  # answered: acknowledged or refused, never to resend
                if status == 200 and b'"ok": true' in body:
                    outcome.latencies.append(acked - sent)
                    outcome.ack_times.append(acked)
                    outcome.acked.append((ballot.participant_id, item, code))
                else:
                    outcome.refused[status] += 1
        except (OSError, asyncio.IncompleteReadError, ValueError):
            outcome.errors += 1  # the server went away: this vote was never acknowledged
        finally:
            connection.close()


def percentile(values, fraction):
    """Nearest-rank percentile; None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]
