"""A séance in Pol.is's export layout, so tools built for Pol.is data read it.

Seven levels folded to Pol.is's three: VG, G → 1 (agree); R, RR → -1
(disagree); O, W, B → 0 (pass: mitigé, je ne sais pas and refusal are no
side taken); not voted → empty. Participants and statements are numbered
from 0 in the séance's order; statement texts and author ids as in Pol.is.
"""

import csv
import io

from abaque.safe_cells import spreadsheet_cell

from .matrix import round_matrix

FOLD = {"VG": "1", "G": "1", "R": "-1", "RR": "-1", "O": "0", "W": "0", "B": "0", None: ""}


def polis_files(round_) -> dict[str, str]:
    matrix = round_matrix(round_)
    folded = [[FOLD[code] for code in row] for row in matrix.codes]
    authors = {p.pk: j for j, p in enumerate(matrix.participants)}
    return {
        "participants-votes.csv": _participants_votes(matrix, folded, authors),
        "comments.csv": _comments(matrix, folded, authors),
        "votes.csv": _votes(folded),
        "summary.csv": _summary(round_, matrix, folded),
    }


def _write(rows) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _participants_votes(matrix, folded, authors) -> str:
    header = [
        "participant",
        "group-id",
        "n-comments",
        "n-votes",
        "n-agree",
        "n-disagree",
        *map(str, range(len(folded))),
    ]
    rows = [header]
    for j, person in enumerate(matrix.participants):
        votes = [row[j] for row in folded]
        written = sum(ri.item.author_id == person.pk for ri in matrix.items)
        rows.append([j, "", written, sum(v != "" for v in votes), votes.count("1"), votes.count("-1"), *votes])
    return _write(rows)


def _comments(matrix, folded, authors) -> str:
    rows = [["comment-id", "author-id", "agrees", "disagrees", "moderated", "comment-body"]]
    for i, (ri, row) in enumerate(zip(matrix.items, folded)):
        rows.append(
            [i, authors.get(ri.item.author_id, ""), row.count("1"), row.count("-1"), 1, spreadsheet_cell(ri.text)]
        )
    return _write(rows)


def _votes(folded) -> str:
    rows = [["timestamp", "datetime", "comment-id", "voter-id", "vote"]]
    rows += [["", "", i, j, v] for i, row in enumerate(folded) for j, v in enumerate(row) if v != ""]
    return _write(rows)


def _summary(round_, matrix, folded) -> str:
    meeting = round_.meeting
    votes = sum(v != "" for row in folded for v in row)
    return _write(
        [
            ["topic", spreadsheet_cell(meeting.title)],
            ["conversation-description", spreadsheet_cell(meeting.question)],
            ["voters", sum(any(row[j] != "" for row in folded) for j in range(len(matrix.participants)))],
            ["comments", len(folded)],
            ["votes", votes],
        ]
    )
