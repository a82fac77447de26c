"""Reading a Pol.is export (participants-votes.csv, comments.csv beside it).

Older and newer layouts, with or without the `xid` column. Statements are
the columns of participants-votes.csv after its fixed columns, in that
order; votes 1 → G, -1 → R, 0 → W (pass), empty → not voted (the
three-opinion scale of `scale.VARIANTS["three"]`).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from .spreadsheet import MatrixFileError
from .text import N_

VOTE_CODES = {"1": "G", "-1": "R", "0": "W", "": None}
FIXED_COLUMNS = ("participant", "xid", "group-id", "n-comments", "n-votes", "n-agree", "n-disagree")


@dataclass
class PolisExport:
    participants: list[str]  # Pol.is participant ids
    statement_ids: list[str]
    texts: list[str]
    authors: list[str]
    rows: list[list[str | None]]  # items × participants codes


def is_polis(path: Path) -> bool:
    return (path / "participants-votes.csv").is_file() if path.is_dir() else path.name == "participants-votes.csv"


def read_polis(path: Path) -> PolisExport:
    folder = path if path.is_dir() else path.parent
    votes_text = (folder / "participants-votes.csv").read_text(encoding="utf-8-sig")
    comments = folder / "comments.csv"
    details = parse_comments(comments.read_text(encoding="utf-8-sig")) if comments.is_file() else {}
    return parse_polis(votes_text, details)


def parse_comments(text: str) -> dict[str, dict[str, str]]:
    return {row["comment-id"]: row for row in csv.DictReader(io.StringIO(text))}


def parse_polis(votes_text: str, details: dict[str, dict[str, str]]) -> PolisExport:
    reader = csv.reader(io.StringIO(votes_text))
    header = next(reader, None)
    if not header or header[0] != "participant":
        raise MatrixFileError(
            N_("Ce n'est pas un fichier participants-votes.csv de Pol.is (colonne « participant » absente).")
        )
    first = next((i for i, name in enumerate(header) if name not in FIXED_COLUMNS), len(header))
    statement_ids = header[first:]
    participants, columns = [], []
    for line, cells in enumerate(reader, start=2):
        if not cells:
            continue
        votes = cells[first:] + [""] * (len(statement_ids) - len(cells[first:]))
        try:
            columns.append([VOTE_CODES[v.strip()] for v in votes[: len(statement_ids)]])
        except KeyError as error:
            raise MatrixFileError(
                N_("Ligne %(line)d : vote %(vote)s inconnu (1, -1, 0 ou vide attendus)."),
                line,
                vote=repr(error.args[0]),
            ) from None
        participants.append(cells[0])
    rows = [[column[i] for column in columns] for i in range(len(statement_ids))]
    texts = [details.get(s, {}).get("comment-body", f"Proposition {s}") for s in statement_ids]
    authors = [details.get(s, {}).get("author-id", "") for s in statement_ids]
    return PolisExport(participants, statement_ids, texts, authors, rows)
