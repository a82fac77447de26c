"""Throttles on what an attacker varies, never on the shared Wi-Fi address
alone: a village hall is 60 phones behind one NAT address, all joining and
voting within a minute. Only failures are counted (a wrong password, a
wrong join code); a success costs nothing. Counters live in Django's cache
(in memory for one process, Redis when REDIS_URL is set)."""

import hashlib
import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import ngettext


@dataclass(frozen=True)
class Limit:
    name: str
    attempts: int  # failures allowed within the window
    window: int  # seconds


# A mistyped password a few times is human; hundreds per hour is not.
LOGIN_PER_USERNAME = Limit("login-user", 5, 15 * 60)
LOGIN_PER_IP = Limit("login-ip", 30, 15 * 60)  # looser: a hall shares one address
# Wrong join codes: a whole room mistyping once each stays far below this.
JOIN_WRONG_PER_IP = Limit("join-ip", 60, 10 * 60)
JOIN_WRONG_PER_CODE = Limit("join-code", 10, 10 * 60)
# Proposals typed on one phone: a person proposes a few items, not hundreds.
PROPOSALS_PER_TOKEN = Limit("propose", 20, 10 * 60)


def _key(limit: Limit, subject: str) -> str:
    digest = hashlib.sha256(str(subject).encode()).hexdigest()[:32]
    return f"throttle:{limit.name}:{digest}"


def retry_after(limit: Limit, subject: str) -> int:
    """Seconds until `subject` may try again, 0 when it may now."""
    entry = cache.get(_key(limit, subject))
    if not entry or entry["count"] < limit.attempts:
        return 0
    return max(1, math.ceil(entry["start"] + limit.window - time.time()))


def record(limit: Limit, subject: str) -> None:
    """Counts one failure (or one use) of `subject` in the current window."""
    key = _key(limit, subject)
    now = time.time()
    entry = cache.get(key)
    if not entry or entry["start"] + limit.window <= now:
        entry = {"start": now, "count": 0}
    entry["count"] += 1
    cache.set(key, entry, timeout=max(1, math.ceil(entry["start"] + limit.window - now)))


def reset(limit: Limit, subject: str) -> None:
    cache.delete(_key(limit, subject))


def client_ip(request) -> str:
    """The address a limit counts: REMOTE_ADDR, or behind the proxy
    (ABAQUE_BEHIND_PROXY) the last address of X-Forwarded-For, the one the
    proxy itself appended (those before it are the client's to forge)."""
    return client_address(request.META.get("REMOTE_ADDR", ""), request.META.get("HTTP_X_FORWARDED_FOR", ""))


def client_address(peer: str, forwarded_for: str) -> str:
    """Shared by Django's views and the phones' ASGI fast path."""
    if getattr(settings, "ABAQUE_BEHIND_PROXY", False) and forwarded_for.strip():
        return forwarded_for.split(",")[-1].strip()
    return peer


def wait_message(seconds: int) -> str:
    if seconds >= 60:
        minutes = math.ceil(seconds / 60)
        return ngettext(
            "Trop de tentatives : réessayez dans %(n)d minute.",
            "Trop de tentatives : réessayez dans %(n)d minutes.",
            minutes,
        ) % {"n": minutes}
    return ngettext(
        "Trop de tentatives : réessayez dans %(n)d seconde.",
        "Trop de tentatives : réessayez dans %(n)d secondes.",
        seconds,
    ) % {"n": seconds}
