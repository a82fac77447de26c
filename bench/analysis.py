"""`make bench` (analysis part): the pure analysis against one BLAS product.

    python bench/analysis.py [--skip-large] [--skip-page] [--timeout 300]

Each case prints its time and the ratio to the floor: one float64 matrix
product of the same matrix with its transpose (participants × participants),
the least any distance-based analysis must do. Cases:
  room   40 × 60, the real village hall;
  polis  200 × 2,000 at 30 % density (a vtaiwan-size Pol.is conversation),
         groups included;
  large  2,000 × 7,000 at 10 % density, time and peak memory, run in a
         subprocess so that its peak is its own (ru_maxrss);
  page   the results page of a 200 × 2,000 séance, server time through
         Django's test client, and the size of its HTML.
Each case also prints the time of each stage (figures, seriation of the items,
of the participants, opinion groups) and the small cases the median of
several runs. BLAS threads are limited as the server limits them
(abaque.blas), for the analysis and the floor alike.
No pass/fail on time: the machine is shared.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from abaque.blas import limit_blas_threads  # noqa: E402

limit_blas_threads()  # as the server does, before numpy is loaded

import numpy as np  # noqa: E402

SEED = 20261201


def synthetic(n_items: int, n_participants: int, density: float, seed: int = SEED) -> np.ndarray:
    """Encoded matrix: two camps with opposite views plus noise, `density`
    of cells voted, a few whites and blacks."""
    rng = np.random.default_rng(seed)
    camp = rng.integers(0, 2, n_participants)
    lean = rng.choice([-1, 1], n_items)
    base = np.where(camp[None, :] == 1, lean[:, None], -lean[:, None]) * 1.2
    noisy = np.clip(np.rint(base + rng.normal(0, 0.9, (n_items, n_participants))), -2, 2)
    codes = (2 - noisy).astype(np.int8)  # weight +2 -> index 0 (VG) … -2 -> 4 (RR)
    other = rng.random((n_items, n_participants))
    codes[other < 0.03] = 5
    codes[other > 0.985] = 6
    codes[rng.random((n_items, n_participants)) >= density] = -1
    return codes


def floor_seconds(encoded: np.ndarray) -> float:
    values = np.where(encoded >= 0, 1.0, 0.0)
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        values.T @ values
        best = min(best, time.perf_counter() - start)
    return best


def whole_analysis(encoded: np.ndarray) -> dict:
    """What a page needs: the figures, the seriation of both axes, the
    groups; the seconds of each stage and of the whole."""
    from abaque import analysis

    stages = {}
    start = last = time.perf_counter()

    def lap(name):
        nonlocal last
        now = time.perf_counter()
        stages[name] = now - last
        last = now

    result = analysis.analyse(encoded)
    lap("figures")
    result.item_orders["seriation"]
    lap("items")
    result.participant_orders["seriation"]
    lap("participants")
    groups = result.groups
    lap("groups")
    return {"seconds": last - start, "stages": stages, "groups": len(groups.groups)}


def median_run(encoded: np.ndarray, runs: int) -> dict:
    """The run of median total time among `runs` (after one warm-up)."""
    whole_analysis(encoded)
    done = sorted((whole_analysis(encoded) for _ in range(runs)), key=lambda r: r["seconds"])
    return done[len(done) // 2]


def stage_line(figures: dict) -> str:
    return "         stages: " + ", ".join(f"{name} {s * 1000:.1f} ms" for name, s in figures["stages"].items())


def case(name: str, shape: tuple[int, int], density: float, runs: int) -> None:
    encoded = synthetic(*shape, density)
    floor = floor_seconds(encoded)
    figures = median_run(encoded, runs)
    print(
        f"{name:<6} {shape[0]:>5} × {shape[1]:<5} {density:>4.0%}  analyse {figures['seconds'] * 1000:>9.1f} ms  "
        f"floor {floor * 1000:>7.2f} ms  ratio {figures['seconds'] / floor:>8.0f}×  groups {figures['groups']}"
        f"  (median of {runs})"
    )
    print(stage_line(figures))


def large_in_subprocess(timeout: float) -> None:
    code = (
        f"import sys, json, resource; sys.path.insert(0, {str(Path(__file__).parent)!r}); import analysis as b;"
        "e = b.synthetic(2000, 7000, 0.10); f = b.floor_seconds(e); r = b.whole_analysis(e);"
        "r['floor'] = f; r['maxrss'] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss;"
        "print(json.dumps(r))"
    )
    try:
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout, env={**os.environ}
        )
    except subprocess.TimeoutExpired:
        print(f"large   2000 × 7000   10%  analyse > {timeout:.0f} s (stopped)")
        return
    if done.returncode:
        print("large  failed:", done.stderr.strip().splitlines()[-1:])
        return
    r = json.loads(done.stdout.strip().splitlines()[-1])
    print(
        f"large   2000 × 7000   10%  analyse {r['seconds'] * 1000:>9.1f} ms  floor {r['floor'] * 1000:>7.2f} ms  "
        f"ratio {r['seconds'] / r['floor']:>8.0f}×  groups {r['groups']}  peak {r['maxrss'] / 1024:.0f} MiB (whole process)"
    )
    print(stage_line(r))


def results_page() -> None:
    """Server time of the results page of a 200 × 2,000 séance at 30 %: wall
    time and the process's CPU time (the server's share of a busy machine),
    the size of the HTML and how many title attributes it carries."""
    data_dir = tempfile.mkdtemp(prefix="abaque-bench-analysis-")
    sys.path.insert(0, str(Path(__file__).parent))
    import fixtures

    fixtures.setup_django(data_dir)
    from django.test import Client

    from abaque import scale
    from abaque.meetings.models import Item, Meeting, Participant, Vote
    from abaque.meetings.rounds import open_round, sync_open_round

    user = fixtures.create_facilitator()
    meeting = Meeting.objects.create(facilitator=user, title="Banc", question="Banc d'essai")
    Participant.objects.bulk_create(Participant(meeting=meeting, name=f"P{j}", position=j) for j in range(2000))
    Item.objects.bulk_create(Item(meeting=meeting, text=f"Item {i}", position=i) for i in range(200))
    round_ = sync_open_round(meeting)
    open_round(round_)
    encoded = synthetic(200, 2000, 0.30)
    items = list(meeting.active_items().values_list("pk", flat=True))
    people = list(meeting.participants.values_list("pk", flat=True))
    votes = [
        Vote(round=round_, item_id=items[i], participant_id=people[j], code=scale.CODES[encoded[i, j]])
        for i, j in zip(*np.nonzero(encoded >= 0))
    ]
    Vote.objects.bulk_create(votes, batch_size=5000)
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    url = f"/seances/{meeting.pk}/resultats/"
    for order in ("mean", "seriation"):
        start, cpu = time.perf_counter(), time.process_time()
        response = client.get(url, {"ordre": order})
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        page = response.content
        print(
            f"page   200 × 2000 ({len(votes)} votes, ordre {order}): {seconds * 1000:.0f} ms server time "
            f"({cpu * 1000:.0f} ms of CPU), HTTP {response.status_code}, {len(page) / 1e6:.1f} Mo, "
            f"{page.count(b' title=')} titles"
        )


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--skip-page", action="store_true")
    parser.add_argument("--timeout", type=float, default=300.0, help="cap on the large case, in seconds")
    args = parser.parse_args(argv)
    print(f"BLAS threads: {os.environ.get('OPENBLAS_NUM_THREADS')} (of {os.cpu_count()} cores)")
    case("room", (40, 60), 1.0, runs=15)
    case("polis", (200, 2000), 0.30, runs=3)
    if not args.skip_large:
        large_in_subprocess(args.timeout)
    if not args.skip_page:
        results_page()


if __name__ == "__main__":
    main()
