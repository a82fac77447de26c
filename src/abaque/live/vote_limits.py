"""Votes from one address, bounded: a script voting from one machine is
slowed down, a village hall is not.

A hall is 60 phones behind one address, each voting 40 items in a few
minutes; an online consultation behind the park's proxy is counted per
client (throttle.client_address). Two limits, in memory in each process
(the phones' hot path makes no cache or database call for them; with
several workers each holds its own count, so an address gets at most
workers × the limit):
- votes per minute, far above what people voting by hand can do;
- votes for an unknown personal link: guessing links is the one thing they
  would be good for, and a room barely makes any (a phone whose name was
  freed, resending its queue).
The laptop itself (loopback) is not limited: it is the facilitator's own
machine, and the benchmark's phones."""

import threading
import time
from dataclasses import dataclass, field

from django.utils.translation import gettext_noop

TOO_MANY = gettext_noop("Trop de votes depuis cette adresse : patientez une minute, puis votez de nouveau.")


@dataclass
class Window:
    """At most `limit` events per address in a fixed window of `seconds`."""

    limit: int
    seconds: float
    counts: dict[str, tuple[float, int]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def _current(self, address: str, now: float) -> tuple[float, int]:
        start, count = self.counts.get(address, (now, 0))
        return (now, 0) if now - start >= self.seconds else (start, count)

    def full(self, address: str, now: float) -> bool:
        with self.lock:
            return self._current(address, now)[1] >= self.limit

    def count(self, address: str, now: float) -> None:
        with self.lock:
            if len(self.counts) > 10_000:  # forget the windows that ended: the dict stays small
                self.counts = {a: c for a, c in self.counts.items() if now - c[0] < self.seconds}
            start, count = self._current(address, now)
            self.counts[address] = (start, count + 1)

    def clear(self) -> None:
        with self.lock:
            self.counts.clear()


LOOPBACK = frozenset({"127.0.0.1", "::1", ""})
VOTES_PER_MINUTE = Window(limit=3000, seconds=60)
UNKNOWN_LINKS = Window(limit=100, seconds=600)


def refusal(address: str, now: float | None = None) -> tuple[int, dict] | None:
    """429 when this address is over a limit; otherwise the vote is counted."""
    if address in LOOPBACK:
        return None
    now = time.monotonic() if now is None else now
    if UNKNOWN_LINKS.full(address, now) or VOTES_PER_MINUTE.full(address, now):
        return 429, {"error": TOO_MANY}
    VOTES_PER_MINUTE.count(address, now)
    return None


def note(address: str, status: int, now: float | None = None) -> None:
    """After the vote was judged: a link that names nobody counts against the address."""
    if status == 404 and address not in LOOPBACK:
        UNKNOWN_LINKS.count(address, time.monotonic() if now is None else now)
