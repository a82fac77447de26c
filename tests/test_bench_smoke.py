"""The benchmark's harness on a tiny séance: every vote is acknowledged and
stored, and none is lost when the server is SIGKILLed and restarted. No
timing is asserted: the machine is shared."""

import json
import subprocess
import sys
from pathlib import Path

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
