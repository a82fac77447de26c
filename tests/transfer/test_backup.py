"""Backing up a running installation and restoring it elsewhere (SQLite)."""

import os
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import pytest

PYTHON = sys.executable

SETUP = """
import django; django.setup()
from django.core.management import call_command
from django.contrib.auth import get_user_model
call_command("migrate", verbosity=0)
from abaque.meetings.models import Item, Meeting, Participant
from abaque.meetings.rounds import open_round, sync_open_round
user = get_user_model().objects.create_user("animatrice", password="x")
meeting = Meeting.objects.create(facilitator=user, title="Sous les votes", question="?")
for i in range(30):
    Participant.objects.create(meeting=meeting, name=f"P{i}", position=i)
    Item.objects.create(meeting=meeting, text=f"Item {i}", position=i)
open_round(sync_open_round(meeting))
"""

# Phones voting: each vote is printed once cast_vote returned (acknowledged).
VOTER = """
import sys, django; django.setup()
from abaque.meetings.models import Meeting
from abaque.meetings.votes import cast_vote
meeting = Meeting.objects.get()
round_ = meeting.current_round()
people, items = list(meeting.participants.all()), list(meeting.items.all())
for p in people:
    for i in items:
        cast_vote(round_, i, p, "VG", source="phone")
        print(i.pk, p.pk, flush=True)
"""

COUNT = """
import django; django.setup()
from abaque.meetings.models import Vote
for item, participant in Vote.objects.values_list("item_id", "participant_id"):
    print(item, participant)
"""


def sqlite_env(data_dir):
    env = {**os.environ, "ABAQUE_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "abaque.settings"}
    env.pop("DATABASE_URL", None)
    return env


def run(data_dir, *args, code=None, check=True):
    env = sqlite_env(data_dir)
    command = [PYTHON, "-c", code] if code else [PYTHON, "-m", "abaque.cli", *args]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=check, timeout=300)


def test_a_backup_taken_while_phones_vote_restores_every_acknowledged_vote(tmp_path):
    source, target, file = tmp_path / "a", tmp_path / "b", tmp_path / "sauvegarde.zip"
    run(source, code=SETUP)
    voter = subprocess.Popen([PYTHON, "-c", VOTER], env=sqlite_env(source), stdout=subprocess.PIPE, text=True)
    acked: list[tuple[float, str]] = []
    reader = threading.Thread(target=lambda: [acked.append((time.monotonic(), line.strip())) for line in voter.stdout])
    reader.start()
    try:
        deadline = time.monotonic() + 120
        while len(acked) < 50:
            assert voter.poll() is None and time.monotonic() < deadline, "the voter stopped before voting"
            time.sleep(0.05)
        started = time.monotonic()
        run(source, "backup", "-o", str(file))
    finally:
        voter.terminate()
        voter.wait()
        reader.join()
    before = {line for at, line in acked if at < started}
    assert before

    run(target, "restore", str(file))
    restored = set(run(target, code=COUNT).stdout.split("\n")) - {""}
    assert before <= restored
    # Nothing invented: every restored vote was acknowledged, but for the one
    # that may have been committed as the voter was stopped.
    assert len(restored - {line for _, line in acked}) <= 1
    assert any(at > started for at, _ in acked)  # the phones kept voting during the backup
    verified = run(target, "verify_votes")
    assert "correspondent au journal" in verified.stdout


def test_a_restore_refuses_to_overwrite_data_without_force(tmp_path):
    source, file = tmp_path / "a", tmp_path / "sauvegarde.zip"
    run(source, code=SETUP)
    run(source, "backup", "-o", str(file))
    refused = run(source, "restore", str(file), check=False)
    assert refused.returncode != 0
    assert "n'est pas vide" in refused.stderr and "--force" in refused.stderr
    assert run(source, "restore", str(file), "--force").returncode == 0


def test_the_secret_key_goes_in_a_backup_only_on_request(tmp_path):
    source = tmp_path / "a"
    run(source, code=SETUP)
    run(source, "backup", "-o", str(tmp_path / "sans.zip"))
    with_key = run(source, "backup", "-o", str(tmp_path / "avec.zip"), "--avec-cle")
    assert "secret_key" not in zipfile.ZipFile(tmp_path / "sans.zip").namelist()
    assert "secret_key" in zipfile.ZipFile(tmp_path / "avec.zip").namelist()
    assert "clé secrète" in with_key.stdout


@pytest.mark.parametrize("content", [b"pas un zip", b"PK\x03\x04tronque"])
def test_a_damaged_backup_is_refused_clearly(tmp_path, content):
    file = Path(tmp_path / "abimee.zip")
    file.write_bytes(content)
    refused = run(tmp_path / "b", "restore", str(file), check=False)
    assert refused.returncode != 0
    assert "pas une sauvegarde Abaque lisible" in refused.stderr
