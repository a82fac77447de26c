"""The benchmark's harness on a tiny séance: every vote is acknowledged and
stored, and none is lost when the server is SIGKILLed and restarted. No
timing is asserted: the machine is shared."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "run.py"


def test_the_benchmark_loses_no_acknowledged_vote_across_a_sigkill(tmp_path):
    figures_file = tmp_path / "figures.json"
    run = subprocess.run(
        [
            sys.executable,
            str(BENCH),
            "--participants",
            "20",
            "--items",
            "3",
            "--crash-participants",
            "6",
            "--in-flight",
            "10",
            "--raw-seconds",
            "1",
            "--room-seconds",
            "2",
            "--json",
            str(figures_file),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    figures = json.loads(figures_file.read_text())
    assert figures["app_votes"] == figures["app_stored"] == 20 * 3
    assert figures["app_lost"] == 0
    assert 0 < figures["crash_acked_before_kill"] <= figures["crash_stored_after_kill"]
    assert figures["crash_lost"] == figures["crash_lost_in_the_end"] == 0
    assert figures["crash_votes_in_the_end"] == figures["crash_expected"] == 6 * 3
    assert "no acknowledged vote lost: yes" in run.stdout


ONLINE = BENCH.parent / "online.py"


@pytest.mark.scaleout
@pytest.mark.skipif(
    not (os.environ.get("TEST_DATABASE_URL") and os.environ.get("REDIS_URL")),
    reason="needs PostgreSQL and Redis: set TEST_DATABASE_URL and REDIS_URL",
)
def test_the_online_benchmark_loses_no_vote_when_a_worker_is_killed(tmp_path):
    """Both modes on a small consultation: every vote stored, a worker of the
    scale-out mode SIGKILLed halfway and its phones resent, the three pages read."""
    import psycopg

    admin_url, name = os.environ["TEST_DATABASE_URL"], f"abaque_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    figures_file = tmp_path / "online.json"
    try:
        run = subprocess.run(
            [sys.executable, str(ONLINE), "--participants", "40", "--items", "5", "--burst", "10"]
            + ["--evening-in-flight", "30", "--think", "0.05", "0.2", "--sample-every", "0.2"]
            + ["--json", str(figures_file)],
            capture_output=True,
            text=True,
            timeout=600,
            env={**os.environ, "BENCH_DATABASE_URL": urlunsplit(urlsplit(admin_url)._replace(path="/" + name))},
        )
    finally:
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    assert run.returncode == 0, run.stdout + run.stderr
    figures = json.loads(figures_file.read_text())
    for mode in ("scale-out", "embedded"):
        assert figures[mode]["stored"] == figures[mode]["expected"] == 40 * 5
        assert figures[mode]["lost"] == 0
        assert figures[mode]["burst_votes"] + figures[mode]["evening_votes"] == 200
        assert all(figures[mode][f"{page}_reads"] > 0 for page in ("live", "dashboard", "public"))
    assert figures["scale-out"]["worker_killed"] is True
    assert "Ratio scale-out / embedded" in run.stdout
