"""The projector: logged in as the facilitator, it listens on the séance's
WebSocket and notes when each progress message arrives."""

import asyncio
import http.cookiejar
import itertools
import json
import re
import time
import urllib.parse
import urllib.request
from bisect import bisect_left

from websockets.asyncio.client import connect


def login(port, username, password):
    """POST /connexion/ with its CSRF token, like a browser; the session id."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    base = f"http://127.0.0.1:{port}"
    page = opener.open(f"{base}/connexion/", timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = urllib.parse.urlencode({"username": username, "password": password, "csrfmiddlewaretoken": token})
    opener.open(f"{base}/connexion/", data=form.encode(), timeout=30).read()
    session = next((c.value for c in jar if c.name == "sessionid"), None)
    if session is None:
        raise RuntimeError("the facilitator could not log in")
    return session


async def watch(port, meeting_id, session, messages, ready):
    """Append (arrival time, votes) for every progress message until cancelled."""
    async with connect(
        f"ws://127.0.0.1:{port}/ws/seances/{meeting_id}/",
        origin=f"http://127.0.0.1:{port}",
        additional_headers={"Cookie": f"sessionid={session}"},
    ) as socket:
        ready.set()
        async for raw in socket:
            message = json.loads(raw)
            if message.get("kind") == "progress":
                messages.append((time.monotonic(), message["votes"]))


async def wait_for_count(messages, count, timeout):
    """Until the projector has shown `count` votes (or the timeout)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not (messages and messages[-1][1] >= count):
        await asyncio.sleep(0.02)


def lags(ack_times, messages):
    """For the n-th acknowledgement: time until the first progress message,
    arrived after it, that counts at least n votes. None when none did."""
    times = [t for t, _ in messages]
    shown = list(itertools.accumulate((v for _, v in messages), max))
    found = []
    for n, acked in enumerate(ack_times, 1):
        i = max(bisect_left(times, acked), bisect_left(shown, n))
        found.append(times[i] - acked if i < len(times) else None)
    return found
