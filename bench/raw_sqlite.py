"""The raw storage limit: what one vote writes, straight into SQLite with
the app's durability settings (WAL, synchronous=FULL, one IMMEDIATE
transaction per vote), on the app's own table definitions copied from the
migrated database: the vote upserted under its uniqueness constraint, and
its line appended to the vote log."""

import sqlite3
import time

TABLES = ("meetings_vote", "meetings_votelog")
UPSERT = (
    "INSERT INTO meetings_vote (round_id, item_id, participant_id, code, source, updated_at) "
    "VALUES (?, ?, ?, ?, 'phone', ?) ON CONFLICT (round_id, item_id, participant_id) "
    "DO UPDATE SET code = excluded.code, source = excluded.source, updated_at = excluded.updated_at"
)
LOG = (
    "INSERT INTO meetings_votelog (round_id, item_id, participant_id, code, source, at) VALUES (?, ?, ?, ?, 'phone', ?)"
)


def app_schema(app_db):
    """CREATE statements of the vote tables and their indexes, as migrated."""
    with sqlite3.connect(app_db) as source:
        placeholders = ",".join("?" * len(TABLES))
        rows = source.execute(
            f"SELECT sql FROM sqlite_master WHERE tbl_name IN ({placeholders}) AND sql IS NOT NULL ORDER BY type DESC",
            TABLES,
        ).fetchall()
    return [sql for (sql,) in rows]


def raw_insert_rate(app_db, raw_db, votes, seconds, per_commit=1):
    """Votes per second, `per_commit` votes to a committed transaction (1:
    what the app promises per vote; more: what a group commit would reach),
    for `votes` votes or `seconds`, whichever ends first.
    Returns (rate, votes written)."""
    connection = sqlite3.connect(raw_db, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    for statement in app_schema(app_db):
        connection.execute(statement)
    started = time.monotonic()
    written = 0
    while written < votes and time.monotonic() - started < seconds:
        now = time.time()
        connection.execute("BEGIN IMMEDIATE")
        for _ in range(per_commit):
            participant, item = written % 1000 + 1, written // 1000 + 1
            connection.execute(UPSERT, (1, item, participant, "VG", now))
            connection.execute(LOG, (1, item, participant, "VG", now))
            written += 1
        connection.execute("COMMIT")
    elapsed = time.monotonic() - started
    connection.close()
    return written / elapsed, written


def stored_votes(app_db, round_id):
    """(participant, item, code) of a round, read straight from the file."""
    with sqlite3.connect(app_db) as connection:
        return set(
            connection.execute(
                "SELECT participant_id, item_id, code FROM meetings_vote WHERE round_id = ?", (round_id,)
            ).fetchall()
        )
