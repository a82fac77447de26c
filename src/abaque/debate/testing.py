"""Helpers to fill a séance with votes from rows of codes, for the debate's
tests (unit and browser): "VG G . RR" is one item, one code per participant in
the séance's order, "." for no vote. Votes go through cast_vote, the only
path a vote takes."""

from abaque.meetings.rounds import close_round, open_round
from abaque.meetings.votes import cast_vote


def vote_rows(round_, rows: list[str]) -> None:
    participants = list(round_.meeting.participants.all())
    entries = list(round_.round_items.select_related("item"))
    for entry, row in zip(entries, rows, strict=True):
        for participant, code in zip(participants, row.split(), strict=True):
            if code != ".":
                cast_vote(round_, entry.item, participant, code)


def run_round(round_, rows: list[str]):
    """Open `round_`, vote `rows`, close it: as a séance does."""
    open_round(round_)
    vote_rows(round_, rows)
    close_round(round_)
    return round_
