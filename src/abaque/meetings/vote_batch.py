"""Phone votes written in batches by one writer thread.

A room of phones sends its votes at the same moment. Each SQLite commit
costs an fsync (about 5 ms here) and takes the one write lock: one
transaction per vote caps the room near 200 votes/s and makes the others
queue on the lock. The writer thread takes every vote waiting, checks them
all with a handful of queries, stores them in one transaction, and only then
acknowledges each one: a vote is still never acknowledged before its commit.
"""

import logging
import queue
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass
from datetime import datetime

from django.db import OperationalError, close_old_connections, connection, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from . import vote_rules
from .models import Meeting, Participant, Round, RoundItem, Vote, VoteLog

log = logging.getLogger(__name__)

MAX_BATCH = 500  # votes in one transaction: bounds the time a batch holds the lock

UNKNOWN_LINK = gettext_lazy("Ce lien de vote n'est plus valable : demandez à l'animateur de libérer votre nom.")
STALE = gettext_lazy("Ce vote ne correspond pas à la séance en cours : rechargez la page.")


@dataclass(frozen=True)
class PhoneVote:
    """A vote as a phone sends it: its personal token, not an id."""

    token: str
    round_number: int
    item_id: int
    code: str  # "" clears the cell


@dataclass(frozen=True)
class OpenRound:
    """What checking a vote needs of its round (no model instance: cheaper)."""

    pk: int
    status: str
    scale_variant: str
    anonymous: bool = False
    online_opens_at: datetime | None = None
    online_closes_at: datetime | None = None


@dataclass(frozen=True)
class Outcome:
    status: int  # 200 stored, 404 unknown token, 409 refused
    body: dict
    meeting_id: int | None = None


def store_phone_votes(batch: list[PhoneVote]) -> list[Outcome]:
    """Check and store a batch in one transaction; one Outcome per vote, in
    order. About six queries whatever the size of the batch."""
    with transaction.atomic():
        participants = {
            token: (pk, meeting_id, origin, language)
            for token, pk, meeting_id, origin, language in Participant.objects.filter(
                token__in={v.token for v in batch}
            ).values_list("token", "pk", "meeting_id", "origin", "meeting__language")
        }
        meeting_ids = {meeting_id for _, meeting_id, _, _ in participants.values()}
        # FOR UPDATE: a round closing at this instant waits for this batch or
        # is seen closed by it (SQLite's IMMEDIATE transaction already does so).
        rounds = {
            (meeting_id, number): OpenRound(pk, status, variant, mode == Meeting.Mode.ANONYMOUS, opens, closes)
            for pk, meeting_id, number, status, variant, mode, opens, closes in Round.objects.select_for_update(
                of=("self",)
            )
            .filter(meeting_id__in=meeting_ids)
            .values_list(
                "pk",
                "meeting_id",
                "number",
                "status",
                "meeting__scale_variant",
                "meeting__mode",
                "meeting__online_opens_at",
                "meeting__online_closes_at",
            )
        }
        now = timezone.now()  # after the lock: a vote in flight is judged when it lands
        in_round = set(
            RoundItem.objects.filter(round_id__in=[r.pk for r in rounds.values()]).values_list("round_id", "item_id")
        )
        outcomes, accepted = [], []
        for vote in batch:
            outcome, row = _check(vote, participants, rounds, in_round, now)
            outcomes.append(outcome)
            if row:
                accepted.append(row)
        store(accepted, Vote.Source.PHONE, {r.pk for r in rounds.values() if r.anonymous})
    return outcomes


def _check(vote, participants, rounds, in_round, now):
    if vote.token not in participants:
        return Outcome(404, {"error": str(UNKNOWN_LINK)}), None
    participant_id, meeting_id, origin, language = participants[vote.token]
    # The phone reads the refusal in its séance's language, whatever the
    # language of the thread storing this batch (it may mix séances).
    with translation.override(language):
        round_ = rounds.get((meeting_id, vote.round_number))
        if round_ is None:
            return Outcome(409, {"error": str(STALE)}, meeting_id), None
        code = vote.code.strip().upper()
        refused = vote_rules.refusal(
            status=round_.status,
            round_id=round_.pk,
            item_id=vote.item_id,
            in_round=in_round,
            code=code,
            scale_variant=round_.scale_variant,
            online=(origin, round_.online_opens_at, round_.online_closes_at, now),
        )
    if refused:
        return Outcome(409, {"error": refused}, meeting_id), None
    body = {"ok": True, "round": vote.round_number, "item": vote.item_id, "code": code}
    return Outcome(200, body, meeting_id), (round_.pk, vote.item_id, participant_id, code)


def store(rows: list[tuple[int, int, int, str]], source: str, anonymous_rounds=frozenset()) -> None:
    """(round, item, participant, code) rows, already checked: upsert the
    votes (the last of a cell wins), delete the cleared cells, log every row.
    Runs inside the caller's transaction. Rows of `anonymous_rounds` get no
    time at all: the order and moment of votes would tell who cast them.

    Plain SQL, because building model instances cost more than the commit
    itself; ON CONFLICT … DO UPDATE is the same on SQLite and PostgreSQL."""
    if not rows:
        return
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    at = {r: None if r in anonymous_rounds else now for r, *_ in rows}
    last = {(r, i, p): code for r, i, p, code in rows}
    with connection.cursor() as cursor:
        cursor.executemany(UPSERT, [(r, i, p, code, source, at[r]) for (r, i, p), code in last.items() if code])
        cursor.executemany(CLEAR, [(r, i, p) for (r, i, p), code in last.items() if not code])
        cursor.executemany(LOG, [(r, i, p, code, source, at[r]) for r, i, p, code in rows])


def _columns(model, *names):
    return ", ".join(model._meta.get_field(name).column for name in names)


CELL = ("round", "item", "participant")
UPSERT = (
    f"INSERT INTO {Vote._meta.db_table} ({_columns(Vote, *CELL, 'code', 'source', 'updated_at')}) "
    f"VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT ({_columns(Vote, *CELL)}) "
    "DO UPDATE SET code = excluded.code, source = excluded.source, updated_at = excluded.updated_at"
)
CLEAR = f"DELETE FROM {Vote._meta.db_table} WHERE " + " AND ".join(
    f"{Vote._meta.get_field(name).column} = %s" for name in CELL
)
LOG = (
    f"INSERT INTO {VoteLog._meta.db_table} ({_columns(VoteLog, *CELL, 'code', 'source', 'at')}) "
    "VALUES (%s, %s, %s, %s, %s, %s)"
)


class VoteWriter:
    """The writer thread. `submit` returns a Future that resolves to the
    vote's Outcome once its batch is committed."""

    def __init__(self):
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def submit(self, vote: PhoneVote) -> Future:
        future: Future = Future()
        self._queue.put((vote, future))
        self._ensure_thread()
        return future

    def release_connection(self) -> None:
        """Close the writer thread's database connection (tests drop their
        database at the end; a server keeps its connection for its life)."""
        if self._thread is not None and self._thread.is_alive():
            done: Future = Future()
            self._queue.put((_RELEASE, done))
            done.result(timeout=30)

    def _ensure_thread(self):
        if self._thread is None or not self._thread.is_alive():
            with self._lock:
                if self._thread is None or not self._thread.is_alive():
                    self._thread = threading.Thread(target=self._run, name="abaque-vote-writer", daemon=True)
                    self._thread.start()

    def _run(self):
        _checkpoint_elsewhere()
        while True:
            pending = [self._queue.get()]
            while len(pending) < MAX_BATCH and pending[-1][0] is not _RELEASE:
                try:
                    pending.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            release = pending[-1][0] is _RELEASE and pending.pop()
            if pending:
                self._write(pending)
            if release:
                _wrote.clear()
                connection.close()
                release[1].set_result(None)

    def _write(self, pending):
        votes = [vote for vote, _ in pending]
        try:
            outcomes = self._store_with_retry(votes)
        except Exception as error:  # never leave a phone waiting: it will retry
            log.exception("vote batch failed")
            for _, future in pending:
                future.set_exception(error)
            return
        _wrote.set()
        for (_, future), outcome in zip(pending, outcomes):
            future.set_result(outcome)

    @staticmethod
    def _store_with_retry(votes):
        try:
            return store_phone_votes(votes)
        except OperationalError:
            # A dropped connection (a restarted PostgreSQL): reconnect once.
            connection.close()
            close_old_connections()
            return store_phone_votes(votes)


def _checkpoint_elsewhere():
    """SQLite copies its write-ahead log back into the database file (a
    checkpoint, with its own fsync) inside whichever commit crosses a
    thousand pages: a vote there would wait tens of milliseconds. The writer
    leaves that to a thread of its own, which checkpoints every second
    without blocking anyone (PASSIVE)."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA wal_autocheckpoint=0")
    threading.Thread(target=_checkpointer, name="abaque-wal-checkpoint", daemon=True).start()


def _checkpointer():
    while True:
        _wrote.wait()  # nothing to copy back while no vote was written
        time.sleep(CHECKPOINT_EVERY)
        if not _wrote.is_set():  # the connection was released meanwhile
            continue
        _wrote.clear()
        try:
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")
        except Exception:  # a later checkpoint, or SQLite itself, will catch up
            log.warning("WAL checkpoint failed", exc_info=True)


CHECKPOINT_EVERY = 1.0  # seconds
_wrote = threading.Event()
_RELEASE = object()
writer = VoteWriter()
