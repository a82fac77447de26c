"""`make bench`: simulated phones against `abaque serve` on loopback.

    python bench/run.py [--participants 1000] [--items 30] [--in-flight 50]

One run measures, on this machine and in this order:
  1. raw SQLite: what one vote writes, with the app's durability settings;
  2. raw HTTP: a bare ASGI app served by uvicorn like `abaque serve`;
  3. the app: every participant votes on every item through the phones'
     endpoint, as fast as acknowledgements come back (capped in time),
     while a projector listens on the séance's WebSocket;
  4. a real room: 60 phones at human speed, on the same server;
  5. a crash: the server is SIGKILLed mid-run and restarted on the same
     data directory; every acknowledged vote must be in the database file.
It prints the figures and the ratios, and exits non-zero only when it
crashed or an acknowledged vote was lost (no timed pass/fail: the machine
is shared).
"""

import argparse
import asyncio
import copy
import json
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import fixtures
import projector
import raw_sqlite
import servers
from loopback import Load, Outcome, percentile, run_phones

LOST_EXIT = 1
GROUP_COMMIT = 20  # votes per transaction in the group-commit reference
ROOM = 60  # people in a large real room
ROOM_THINK = (2.0, 6.0)  # seconds a person takes to read an item and choose


@dataclass
class Report:
    args: argparse.Namespace
    figures: dict = field(default_factory=dict)
    lost: int = 0

    def add(self, **figures):
        self.figures.update(figures)


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=1000)
    parser.add_argument("--items", type=int, default=30)
    parser.add_argument("--in-flight", type=int, default=50, help="phones voting at the same moment")
    parser.add_argument("--app-seconds", type=float, default=60.0, help="cap on the app's run: phones stop then")
    parser.add_argument("--room-seconds", type=float, default=20.0, help="length of the real-room run")
    parser.add_argument("--crash-participants", type=int, default=20, help="phones of the SIGKILL phase")
    parser.add_argument("--raw-seconds", type=float, default=6.0, help="cap on each raw baseline")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data directory")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse(argv)
    work = Path(tempfile.mkdtemp(prefix="abaque-bench-"))
    report = Report(args)
    started = time.monotonic()
    try:
        data = prepare(work, args)
        measure_raw_sqlite(report, data, work, args)
        asyncio.run(measure_raw_http(report, data, work, args))
        server = servers.abaque_serve(work)
        try:
            asyncio.run(measure_app(report, data, server, args))
            asyncio.run(measure_room(report, data, server, args))
            asyncio.run(crash_and_restart(report, data, server, args))
        finally:
            server.stop()
    finally:
        if args.keep:
            print(f"data kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    report.add(total_seconds=time.monotonic() - started)
    print_report(report)
    if args.json:
        args.json.write_text(json.dumps(report.figures, indent=2))
    return LOST_EXIT if report.lost else 0


def prepare(work, args):
    fixtures.setup_django(work / "data")
    from django.db import connections

    facilitator = fixtures.create_facilitator()
    main_meeting = fixtures.create_meeting(facilitator, "Banc d'essai", args.participants, args.items, seed=1)
    room_meeting = fixtures.create_meeting(facilitator, "Banc d'essai : une vraie salle", ROOM, args.items, seed=2)
    crash_meeting = fixtures.create_meeting(
        facilitator, "Banc d'essai : panne", args.crash_participants, args.items, seed=3
    )
    connections.close_all()  # the server is the only writer from now on
    return {"db": work / "data" / "abaque.sqlite3", "main": main_meeting, "room": room_meeting, "crash": crash_meeting}


def measure_raw_sqlite(report, data, work, args):
    votes = args.participants * args.items
    for per_commit, key in ((1, "raw_sqlite"), (GROUP_COMMIT, "raw_sqlite_grouped")):
        rate, written = raw_sqlite.raw_insert_rate(
            data["db"], work / f"raw-{per_commit}.sqlite3", votes, args.raw_seconds / 2, per_commit
        )
        report.add(**{f"{key}_votes_per_s": rate, f"{key}_votes": written})


async def measure_raw_http(report, data, work, args):
    _, _, number, ballots = data["main"]
    server = servers.raw_asgi(work)
    port = server.start()
    try:
        deadline = time.monotonic() + args.raw_seconds  # enough for a rate
        cpu = server.cpu_seconds()
        outcome, _ = await run_phones(
            "127.0.0.1", port, copy.deepcopy(ballots), number, Load(args.in_flight), deadline=deadline
        )
        cpu = per_request_ms(server.cpu_seconds(), cpu, len(outcome.acked))
    finally:
        server.stop()
    report.add(
        raw_http_votes_per_s=outcome.rate,
        raw_http_requests=len(outcome.acked),
        raw_http_cpu_ms=cpu,
        raw_http_p50_ms=ms(percentile(outcome.latencies, 0.5)),
        raw_http_p99_ms=ms(percentile(outcome.latencies, 0.99)),
    )


async def measure_app(report, data, server, args):
    meeting_id, round_id, number, ballots = data["main"]
    port = server.start()
    messages, ready = [], asyncio.Event()
    session = await asyncio.to_thread(projector.login, port, fixtures.USERNAME, fixtures.PASSWORD)
    watcher = asyncio.ensure_future(projector.watch(port, meeting_id, session, messages, ready))
    try:
        await asyncio.wait_for(ready.wait(), 30)
        deadline = time.monotonic() + args.app_seconds
        cpu = server.cpu_seconds()
        outcome, unsent = await run_phones("127.0.0.1", port, ballots, number, Load(args.in_flight), deadline=deadline)
        cpu = per_request_ms(server.cpu_seconds(), cpu, len(outcome.acked) + sum(outcome.refused.values()))
        await projector.wait_for_count(messages, len(outcome.acked), timeout=5)
    finally:
        watcher.cancel()
    stored = raw_sqlite.stored_votes(data["db"], round_id)
    lost = [vote for vote in outcome.acked if vote not in stored]
    report.lost += len(lost)
    lags = projector.lags(outcome.ack_times, messages)
    report.add(
        app_votes=len(outcome.acked),
        app_expected=args.participants * args.items,
        app_refused=dict(outcome.refused),
        app_errors=outcome.errors,
        app_unsent=sum(len(b.votes) for b in unsent),
        app_seconds=outcome.finished - outcome.started,
        app_votes_per_s=outcome.rate,
        app_p50_ms=ms(percentile(outcome.latencies, 0.5)),
        app_p99_ms=ms(percentile(outcome.latencies, 0.99)),
        app_max_ms=ms(max(outcome.latencies, default=None)),
        app_cpu_ms=cpu,
        projector_messages=len(messages),
        projector_never_shown=lags.count(None),
        projector_p50_ms=ms(percentile([lag for lag in lags if lag is not None], 0.5)),
        projector_p95_ms=ms(percentile([lag for lag in lags if lag is not None], 0.95)),
        app_stored=len(stored),
        app_lost=len(lost),
    )


async def measure_room(report, data, server, args):
    """A real room: 60 people, each taking a few seconds per item."""
    _, _, number, ballots = data["room"]
    deadline = time.monotonic() + args.room_seconds
    load = Load(in_flight=ROOM, think=ROOM_THINK)
    outcome, _ = await run_phones("127.0.0.1", server.port, ballots, number, load, deadline=deadline)
    report.add(
        room_votes=len(outcome.acked),
        room_votes_per_s=outcome.rate,
        room_refused=dict(outcome.refused),
        room_p50_ms=ms(percentile(outcome.latencies, 0.5)),
        room_p99_ms=ms(percentile(outcome.latencies, 0.99)),
    )


async def crash_and_restart(report, data, server, args):
    """On the server that ran the séance, another séance votes: SIGKILL the
    server once a third of its votes are acknowledged, check the file,
    restart on the same data directory and let the phones resend."""
    _, round_id, number, ballots = data["crash"]
    port = server.port
    outcome = Outcome()
    kill_at = len(ballots) * args.items // 3
    killer = asyncio.ensure_future(kill_when(server, outcome, kill_at))
    try:
        _, unsent = await run_phones("127.0.0.1", port, ballots, number, Load(args.in_flight), outcome)
        if not killer.done():
            raise RuntimeError("the phones finished before the server could be killed")
        killed_after = len(outcome.acked)
        after_kill = raw_sqlite.stored_votes(data["db"], round_id)
        lost = [vote for vote in outcome.acked if vote not in after_kill]
        port = server.start()  # same data directory, new process
        await run_phones("127.0.0.1", port, unsent, number, Load(args.in_flight), outcome)  # phones resend
    finally:
        killer.cancel()
    stored = raw_sqlite.stored_votes(data["db"], round_id)
    lost_in_the_end = [vote for vote in outcome.acked if vote not in stored]
    report.lost += len(lost) + len(lost_in_the_end)
    report.add(
        crash_acked_before_kill=killed_after,
        crash_stored_after_kill=len(after_kill),
        crash_lost=len(lost),
        crash_votes_in_the_end=len(stored),
        crash_expected=len(ballots) * args.items,
        crash_lost_in_the_end=len(lost_in_the_end),
    )


async def kill_when(server, outcome, acked):
    while len(outcome.acked) < acked:
        await asyncio.sleep(0.005)
    server.kill()


def per_request_ms(cpu_after, cpu_before, requests):
    """Server CPU milliseconds per request (None off Linux)."""
    if cpu_after is None or cpu_before is None or not requests:
        return None
    return (cpu_after - cpu_before) / requests * 1000


def ms(seconds):
    return None if seconds is None else seconds * 1000


def print_report(report):
    f, a = report.figures, report.args
    rows = [
        (
            "Load",
            f"{a.participants} phones x {a.items} items = {f['app_expected']} votes, "
            f"{a.in_flight} phones voting at once, each sending its next vote as soon as the last is acknowledged",
        ),
        ("", "(closed loop, no think time: far beyond a room; the real-room line below votes at human speed)"),
        (
            "Votes acknowledged",
            f"{f['app_votes']} / {f['app_expected']} ({refusals(f['app_refused'])}, {f['app_errors']} errors"
            + (
                f", {f['app_unsent']} not sent: stopped at --app-seconds {a.app_seconds:.0f})"
                if f["app_unsent"]
                else ")"
            ),
        ),
        ("Votes per second, sustained", f"{f['app_votes_per_s']:.0f}  over {f['app_seconds']:.1f} s"),
        (
            "Vote -> acknowledgement",
            f"p50 {fmt(f['app_p50_ms'])} ms   p99 {fmt(f['app_p99_ms'])} ms   max {fmt(f['app_max_ms'])} ms",
        ),
        (
            "Acknowledgement -> projector",
            f"p50 {fmt(f['projector_p50_ms'])} ms   p95 {fmt(f['projector_p95_ms'])} ms   "
            f"({f['projector_messages']} progress messages, {f['projector_never_shown']} votes never shown)",
        ),
        (
            "Real room",
            f"{ROOM} phones, {ROOM_THINK[0]:.0f} to {ROOM_THINK[1]:.0f} s per vote, {a.room_seconds:.0f} s: "
            f"{f['room_votes']} votes ({f['room_votes_per_s']:.0f}/s, {refusals(f['room_refused'])}), "
            f"ack p50 {fmt(f['room_p50_ms'])} ms, p99 {fmt(f['room_p99_ms'])} ms",
        ),
        (
            "Server CPU per request",
            f"app {fmt(f['app_cpu_ms'])} ms per vote, raw ASGI {fmt(f['raw_http_cpu_ms'])} ms "
            f"(all threads; includes the projector's queries; barely depends on the machine's other load)",
        ),
        (
            "Raw SQLite, same writes",
            f"{f['raw_sqlite_votes_per_s']:.0f} votes/s  (WAL, synchronous=FULL, upsert + log, 1 transaction per vote)",
        ),
        (
            "  same, group commit",
            f"{f['raw_sqlite_grouped_votes_per_s']:.0f} votes/s  ({GROUP_COMMIT} votes per transaction: the ceiling if votes were batched)",
        ),
        (
            "Raw ASGI app, same uvicorn",
            f"{f['raw_http_votes_per_s']:.0f} requests/s  (p50 {fmt(f['raw_http_p50_ms'])} ms, p99 {fmt(f['raw_http_p99_ms'])} ms)",
        ),
        ("Ratio app / raw SQLite", f"{f['app_votes_per_s'] / f['raw_sqlite_votes_per_s']:.3f}"),
        (
            "Ratio app / raw HTTP",
            f"{f['app_votes_per_s'] / f['raw_http_votes_per_s']:.3f}  (a vote costs "
            f"{ratio(f['app_cpu_ms'], f['raw_http_cpu_ms'])} times the CPU of a raw request)",
        ),
        (
            "SIGKILL mid-run",
            f"{f['crash_acked_before_kill']} votes acknowledged before the kill, "
            f"{f['crash_stored_after_kill']} in the file after it, {f['crash_lost']} acknowledged votes lost",
        ),
        (
            "Restart on the same data",
            f"{f['crash_votes_in_the_end']} / {f['crash_expected']} votes stored once the phones resent, "
            f"{f['crash_lost_in_the_end']} acknowledged votes lost",
        ),
        (
            "Targets",
            f">= 1000 votes/s: {yes(f['app_votes_per_s'] >= 1000)}   p99 ack < 100 ms: {yes(f['app_p99_ms'] < 100)}   "
            f"projector p95 < 500 ms: {yes(f['projector_p95_ms'] is not None and f['projector_p95_ms'] < 500)}   "
            f"no acknowledged vote lost: {yes(not report.lost)}",
        ),
        ("Whole run", f"{f['total_seconds']:.0f} s"),
    ]
    width = max(len(name) for name, _ in rows)
    print("\nAbaque benchmark: abaque serve, embedded mode (1 process, SQLite, in-memory channel layer), loopback")
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")


def refusals(by_status):
    total = sum(by_status.values())
    detail = ", ".join(f"HTTP {status}: {n}" for status, n in sorted(by_status.items()))
    return f"{total} refused" + (f" [{detail}]" if detail else "")


def ratio(numerator, denominator):
    return "-" if numerator is None or not denominator else f"{numerator / denominator:.0f}"


def fmt(value):
    return "-" if value is None else f"{value:.1f}"


def yes(flag):
    return "yes" if flag else "NO"


if __name__ == "__main__":
    sys.exit(main())
