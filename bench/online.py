"""`make bench-online`: an online consultation of thousands, on the scale-out
set-up (PostgreSQL, Redis, two ASGI workers), against the embedded mode.

    python bench/online.py [--participants 5000] [--items 40] [--burst 500]

For each mode, in a process of its own (each has its own database):
  1. a burst: `--burst` participants vote every item at once, no pause;
  2. the evening: the others vote with pauses (`--think` seconds between two
     votes, compressed: an evening in minutes), `--evening-in-flight` at a time;
     in the scale-out mode one worker is SIGKILLed halfway and the phones it
     served reconnect and resend;
  3. all along, the facilitator's live page, the participation dashboard and
     the public results page are read every `--sample-every` seconds;
  4. every acknowledged vote is looked for in the database.
It prints the figures and the ratio scale-out / embedded measured in this run,
and exits non-zero only when an acknowledged vote was lost (no timed
pass/fail: the machine is shared).
"""

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
LOST_EXIT = 1
MODES = ("scale-out", "embedded")
PAGES = ("live", "dashboard", "public")


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=5000)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--burst", type=int, default=500, help="participants voting at once, with no pause")
    parser.add_argument("--evening-in-flight", type=int, default=800, help="participants online at once")
    parser.add_argument("--think", type=float, nargs=2, default=(0.2, 1.0), help="seconds between two votes")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sample-every", type=float, default=1.0, help="seconds between two page reads")
    parser.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    parser.add_argument("--database-url", help=argparse.SUPPRESS)
    parser.add_argument("--redis-url", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


# ------------------------------------------------------------------ parent


def main(argv=None):
    args = parse(argv)
    if args.child:
        return child(args)
    import services

    figures = {}
    with services.postgresql() as database_url, services.redis() as redis_url:
        for mode in args.modes:
            figures[mode] = run_child(args, mode, database_url, redis_url)
    print_report(args, figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2))
    return LOST_EXIT if any(f["lost"] for f in figures.values()) else 0


def run_child(args, mode, database_url, redis_url):
    with tempfile.TemporaryDirectory(prefix="abaque-bench-online-") as work:
        out = Path(work) / "figures.json"
        argv = [sys.executable, __file__, "--child", mode, "--json", str(out), *passed_on(args)]
        argv += ["--database-url", database_url, "--redis-url", redis_url]
        env = {**os.environ, "ABAQUE_DATA_DIR": str(Path(work) / "data")}
        subprocess.run(argv, check=True, env=env, cwd=work)
        return json.loads(out.read_text())


def passed_on(args):
    return [
        *("--participants", str(args.participants), "--items", str(args.items), "--burst", str(args.burst)),
        *("--evening-in-flight", str(args.evening_in_flight), "--workers", str(args.workers)),
        *("--think", *map(str, args.think), "--sample-every", str(args.sample_every)),
    ]


# ------------------------------------------------------------------ child: one mode


def child(args):
    sys.path.insert(0, str(BENCH))
    work = Path(os.environ["ABAQUE_DATA_DIR"]).parent
    scale_out = args.child == "scale-out"
    setup_django(args.database_url if scale_out else None, args.redis_url if scale_out else None)
    meeting_id, round_id, number, ballots, slug = prepare(args)
    import servers

    server = servers.Server(args.child, serve_argv(args.workers if scale_out else 1), work)
    try:
        figures = asyncio.run(measure(args, server, meeting_id, number, ballots, slug, kill=scale_out))
    finally:
        server.stop()
    stored = stored_votes(round_id)
    lost = [vote for vote in figures.pop("acked") if vote not in stored]
    figures.update(mode=args.child, stored=len(stored), lost=len(lost), expected=args.participants * args.items)
    args.json.write_text(json.dumps(figures))
    return 0


def setup_django(database_url, redis_url):
    for name, value in (("DATABASE_URL", database_url), ("REDIS_URL", redis_url)):
        if value:
            os.environ[name] = value
        else:
            os.environ.pop(name, None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "abaque.settings"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    if database_url:  # the database may hold an earlier run: start from an empty one
        call_command("flush", interactive=False, verbosity=0)


def prepare(args):
    import fixtures
    from django.db import connections

    from abaque.online.models import OnlinePhase

    facilitator = fixtures.create_facilitator()
    meeting_id, round_id, number, ballots = fixtures.create_meeting(
        facilitator, "Consultation en ligne", args.participants, args.items, seed=4, online=True
    )
    slug = OnlinePhase.objects.get(meeting_id=meeting_id).slug
    connections.close_all()  # the server is the only writer from now on
    return meeting_id, round_id, number, ballots, slug


def serve_argv(workers):
    argv = [sys.executable, "-m", "abaque.cli", "serve", "--host", "127.0.0.1", "--port", "0"]
    return argv + (["--workers", str(workers)] if workers > 1 else [])


def stored_votes(round_id):
    from django.db import connections

    from abaque.meetings.models import Vote

    connections.close_all()
    return set(Vote.objects.filter(round_id=round_id).values_list("participant_id", "item_id", "code"))


async def measure(args, server, meeting_id, number, ballots, slug, kill):
    import fixtures
    import projector
    from loopback import Load, Outcome, run_phones

    port = server.start()
    session = await asyncio.to_thread(projector.login, port, fixtures.USERNAME, fixtures.PASSWORD)
    urls = {
        "live": f"/seances/{meeting_id}/direct/",
        "dashboard": f"/seances/{meeting_id}/en-ligne/",
        "public": f"/consultation/{slug}/resultats/",
    }
    samples = {page: [] for page in PAGES}
    sampler = asyncio.ensure_future(sample_pages(port, urls, session, samples, args.sample_every))
    figures = {}
    try:
        burst, evening = ballots[: args.burst], ballots[args.burst :]
        outcome, unsent = await run_phones("127.0.0.1", port, burst, number, Load(args.burst))
        figures.update(phase_figures("burst", outcome))
        evening_outcome = Outcome()
        killer = asyncio.ensure_future(kill_a_worker(server, evening_outcome, len(evening) * args.items // 2, kill))
        load = Load(args.evening_in_flight, think=tuple(args.think))
        _, unsent_evening = await run_phones("127.0.0.1", port, evening, number, load, evening_outcome)
        killed = killer.done() and killer.result()
        killer.cancel()
        broken = evening_outcome.errors
        # The phones of the killed worker come back (a new connection, to the
        # workers left) and send what was never acknowledged.
        await run_phones("127.0.0.1", port, unsent + unsent_evening, number, load, evening_outcome)
        figures.update(phase_figures("evening", evening_outcome))
        figures.update(worker_killed=killed, connections_broken=broken)
        figures["acked"] = [tuple(v) for v in outcome.acked + evening_outcome.acked]
    finally:
        sampler.cancel()
    for page in PAGES:
        figures[f"{page}_p50_ms"] = ms(percentile(samples[page], 0.5))
        figures[f"{page}_p95_ms"] = ms(percentile(samples[page], 0.95))
        figures[f"{page}_reads"] = len(samples[page])
    return figures


def phase_figures(name, outcome):
    from loopback import percentile

    return {
        f"{name}_votes": len(outcome.acked),
        f"{name}_votes_per_s": outcome.rate,
        f"{name}_p50_ms": ms(percentile(outcome.latencies, 0.5)),
        f"{name}_p99_ms": ms(percentile(outcome.latencies, 0.99)),
        f"{name}_refused": sum(outcome.refused.values()),
        f"{name}_errors": outcome.errors,
    }


async def sample_pages(port, urls, session, samples, every):
    """Read each page in turn, as a facilitator and a visitor would, while the votes arrive."""
    while True:
        for page, path in urls.items():
            took = await asyncio.to_thread(read_page, port, path, session if page != "public" else None)
            if took is not None:
                samples[page].append(took)
        await asyncio.sleep(every)


def read_page(port, path, session):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    if session:
        request.add_header("Cookie", f"sessionid={session}")
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            response.read()
            return time.monotonic() - started if response.status == 200 else None
    except OSError:
        return None  # the worker that answered was killed: not a page time


async def kill_a_worker(server, outcome, acked, enabled):
    """SIGKILL one of the workers once `acked` evening votes are acknowledged."""
    if not enabled:
        return False
    while len(outcome.acked) < acked:
        await asyncio.sleep(0.01)
    workers = worker_pids(server.process.pid)
    if not workers:
        return False
    os.kill(workers[0], 9)
    return True


def worker_pids(parent):
    """uvicorn's workers: the children of `abaque serve` started by multiprocessing."""
    found = []
    for task in Path(f"/proc/{parent}/task").iterdir():
        for pid in (task / "children").read_text().split():
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            if b"spawn_main" in cmdline or b"multiprocessing" in cmdline and b"resource_tracker" not in cmdline:
                found.append(int(pid))
    return found


def percentile(values, fraction):
    from loopback import percentile as nearest_rank

    return nearest_rank(values, fraction)


def ms(seconds):
    return None if seconds is None else seconds * 1000


# ------------------------------------------------------------------ report


def print_report(args, figures):
    print(
        f"\nAbaque online benchmark: {args.participants} online participants x {args.items} items "
        f"= {args.participants * args.items} votes; a burst of {args.burst} voting at once, then the others "
        f"with {args.think[0]:g}-{args.think[1]:g} s between votes, {args.evening_in_flight} at a time"
    )
    for mode, f in figures.items():
        title = (
            f"{mode}: PostgreSQL, Redis, {args.workers} workers"
            if mode == "scale-out"
            else f"{mode}: 1 process, SQLite, in-memory channel layer"
        )
        print(f"\n  {title}")
        for phase in ("burst", "evening"):
            print(
                f"    {phase:<9} {f[f'{phase}_votes']:>7} votes acknowledged, {f[f'{phase}_votes_per_s']:7.0f} votes/s, "
                f"ack p50 {fmt(f[f'{phase}_p50_ms'])} ms p99 {fmt(f[f'{phase}_p99_ms'])} ms, "
                f"{f[f'{phase}_refused']} refused, {f[f'{phase}_errors']} broken connections"
            )
        for page in PAGES:
            print(
                f"    page {page:<9} p50 {fmt(f[f'{page}_p50_ms'])} ms  p95 {fmt(f[f'{page}_p95_ms'])} ms  ({f[f'{page}_reads']} reads)"
            )
        if mode == "scale-out":
            print(
                f"    a worker SIGKILLed halfway: {'yes' if f['worker_killed'] else 'NO (not found)'}, "
                f"{f['connections_broken']} phones reconnected and resent"
            )
        print(f"    stored {f['stored']} / {f['expected']} votes, acknowledged votes lost: {f['lost']}")
    if len(figures) == 2:
        out, emb = figures["scale-out"], figures["embedded"]
        print("\n  Ratio scale-out / embedded")
        for key in ("burst_votes_per_s", "evening_votes_per_s", "burst_p99_ms", "public_p95_ms", "live_p95_ms"):
            print(f"    {key:<20} {ratio(out[key], emb[key])}")


def ratio(a, b):
    return "-" if a is None or not b else f"{a / b:.2f}"


def fmt(value):
    return "-" if value is None else f"{value:.0f}"


if __name__ == "__main__":
    sys.exit(main())
