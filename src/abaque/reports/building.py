"""The compte-rendu built in the background, with its progress.

A large séance's PDF takes seconds: the page starts a build in a thread of
the server process and polls its status, a small JSON file beside the
document in the data directory, so that the facilitator sees each stage
move and gets the document when it is ready. One slot per séance and
format: a new build replaces the previous document; a build asked for while
one runs joins it. The direct download URLs still build in the request."""

from __future__ import annotations

import json
import logging
import os
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from abaque.meetings.language import in_meeting_language

from .content import build_report
from .formats import FORMATS
from .pdf import build_pdf

logger = logging.getLogger(__name__)

# Stages of a build, in order, with their share of the bar when no earlier
# build of the séance tells how long each takes.
# Labels read by the facilitator's page, in her language: translated when polled.
STAGES: tuple[tuple[str, str, float], ...] = (
    ("content", _("Rassembler les résultats et les notes"), 0.1),
    ("html", _("Composer le document"), 0.1),
    ("layout", _("Mettre en page"), 0.5),
    ("write", _("Écrire le fichier"), 0.3),
)
FAILED = gettext_noop("La préparation du document a échoué.")  # kept as the msgid in the status file
STAGE_LABELS = {key: label for key, label, _ in STAGES}
STALE_SECONDS = 15 * 60  # a "running" status older than this died with its process
_lock = threading.Lock()


@dataclass
class Status:
    job: str
    key: str
    state: str = "running"  # running, done, failed
    stage: str = "content"
    started: float = field(default_factory=time.time)
    stage_started: float = field(default_factory=time.time)
    finished: float | None = None
    durations: dict[str, float] = field(default_factory=dict)  # of the stages done
    expected: dict[str, float] = field(default_factory=dict)  # from the previous build
    error: str = ""  # French, as written (the msgid): translated when polled

    def percent(self, now: float | None = None) -> int:
        """Stages done, plus the running one's elapsed share of its expected time
        (never past 95 % of it: the bar moves, and never claims the end early)."""
        if self.state == "done":
            return 100
        weights = {key: self.expected.get(key) or share * self._total_guess() for key, _, share in STAGES}
        total = sum(weights.values()) or 1.0
        done = sum(weights[key] for key in self.durations)
        elapsed = (now or time.time()) - self.stage_started
        running = weights.get(self.stage, 0.0) * min(0.95, elapsed / max(weights.get(self.stage, 1.0), 0.01))
        return min(99, int(100 * (done + running) / total))

    def _total_guess(self) -> float:
        return sum(self.expected.values()) or 5.0

    def as_json(self) -> dict:
        return {
            "state": self.state,
            "stage": str(STAGE_LABELS.get(self.stage, "")),
            "percent": self.percent(),
            "seconds": round((self.finished or time.time()) - self.started, 1),
            "error": gettext(self.error) if self.error else "",
        }


def slot(meeting_id: int, key: str) -> Path:
    """The séance's folder of prepared documents, in the data directory."""
    folder = Path(settings.DATA_DIR) / "reports" / str(int(meeting_id))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / key


def read_status(meeting_id: int, key: str) -> Status | None:
    try:
        data = json.loads(slot(meeting_id, key).with_suffix(".json").read_text())
        return Status(**data)
    except (OSError, ValueError, TypeError):
        return None


def _write_status(meeting_id: int, status: Status) -> None:
    path = slot(meeting_id, status.key).with_suffix(".json")
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(asdict(status)))
    os.replace(tmp, path)  # a poll never reads half a file


def document(meeting_id: int, key: str) -> bytes | None:
    """The prepared document, if its build is done."""
    status = read_status(meeting_id, key)
    if status is None or status.state != "done":
        return None
    try:
        return slot(meeting_id, key).with_suffix(".bin").read_bytes()
    except OSError:
        return None


def start(meeting, key: str, spawn: Callable[[Callable[[], None]], None] | None = None) -> Status:
    """Start building `key` for `meeting`, or join the build under way."""
    if key not in FORMATS:
        raise KeyError(key)
    with _lock:
        current = read_status(meeting.pk, key)
        if current and current.state == "running" and time.time() - current.started < STALE_SECONDS:
            return current
        expected = dict(current.durations) if current and current.state == "done" else {}
        status = Status(job=uuid.uuid4().hex, key=key, expected=expected)
        _write_status(meeting.pk, status)
    (spawn or _thread)(lambda: build(meeting, status))
    return status


def _thread(run: Callable[[], None]) -> None:
    def in_thread() -> None:
        try:
            run()
        finally:
            connection.close()  # this thread's own connection, never the request's

    threading.Thread(target=in_thread, name="abaque-report", daemon=True).start()


def build(meeting, status: Status) -> None:
    """Build the document, recording each stage as it starts. In a thread
    of its own, which does not inherit the request's active language: the
    document is written in the séance's."""

    def stage(name: str) -> None:
        now = time.time()
        status.durations[status.stage] = now - status.stage_started
        status.stage, status.stage_started = name, now
        _write_status(meeting.pk, status)

    try:
        with in_meeting_language(meeting):
            report = build_report(meeting)
            if status.key == "pdf":
                data = build_pdf(report, progress=stage)
            else:
                stage("write")
                data = FORMATS[status.key].build(report)
        path = slot(meeting.pk, status.key).with_suffix(".bin")
        path.with_suffix(".part").write_bytes(data)
        os.replace(path.with_suffix(".part"), path)
        status.durations[status.stage] = time.time() - status.stage_started
        status.state, status.finished = "done", time.time()
    except Exception:  # the page must say so rather than spin for ever
        logger.exception("building the %s of séance %s failed", status.key, meeting.pk)
        status.state, status.finished = "failed", time.time()
        status.error = FAILED
    finally:
        _write_status(meeting.pk, status)
