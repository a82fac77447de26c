"""The item in debate: its distribution, its verdict, and who speaks in
which order."""

from __future__ import annotations

from dataclasses import dataclass

from abaque import scale
from abaque.meetings.matrix import RoundMatrix, round_matrix
from abaque.meetings.numbering import item_numbers
from abaque.wording import verdict_label

from .agenda import item_figures, latest_closed_round

# The booklet's way: those who voted red or black are invited first
# (« les personnes ayant voté rouge ou noir sont invitées à s'exprimer »).
DISSENT_FIRST = ("RR", "R", "B", "O", "W", "G", "VG")

# A contradictory debate: one voice for, one against, from the strongest on
# each side (VG, RR, G, R, …); refusals join the side that questions the
# item; mitigated and « je ne sais pas » close the round.
FOR_SIDE = ("VG", "G")
AGAINST_SIDE = ("RR", "R", "B")
AFTER_SIDES = ("O", "W")
ALTERNATE_COLOURS = ("VG", "RR", "G", "R", "B", "O", "W")


@dataclass
class Speaker:
    label: str  # a name, or a letter when the séance shows letters
    code: str
    invited: bool  # voted R, RR or B: asked to speak first

    @property
    def level(self):
        return scale.BY_CODE[self.code]


def _by_codes(votes: list[tuple[str, str]], codes) -> list[tuple[str, str]]:
    return [vote for code in codes for vote in votes if vote[1] == code]


def speaking_order(votes: list[tuple[str, str]], order: str) -> list[Speaker]:
    """Order (label, code) pairs, given in the séance's participant order,
    by the meeting's speaking order: "dissent_first" or "alternate"."""
    if order == "alternate":
        pros, cons = _by_codes(votes, FOR_SIDE), _by_codes(votes, AGAINST_SIDE)
        turns = [pair[k] for k in range(max(len(pros), len(cons))) for pair in (pros, cons) if k < len(pair)]
        ordered = turns + _by_codes(votes, AFTER_SIDES)
    else:
        ordered = _by_codes(votes, DISSENT_FIRST)
    return [Speaker(label, code, code in scale.DISSENT_CODES) for label, code in ordered]


def item_in_debate(meeting, item, matrix: RoundMatrix | None = None) -> dict:
    """Everything the debate page and the projector show about `item`:
    distribution (counts per code), verdict, and the speakers in order
    (None in anonymous mode: nobody is named, only counts are shown)."""
    if matrix is None or not any(entry.item_id == item.pk for entry in matrix.items):
        round_ = latest_closed_round(meeting, item)
        matrix = round_matrix(round_) if round_ else None
    number = item_numbers(meeting).get(item.pk)
    if matrix is None:
        return {"item": item, "number": number, "round": None, "distribution": None, "speakers": None, "stats": None}
    row = next(i for i, entry in enumerate(matrix.items) if entry.item_id == item.pk)
    stats = item_figures(matrix)[row]
    labels = matrix.participant_labels()
    votes = [(labels[j], code) for j, code in enumerate(matrix.codes[row]) if code]
    return {
        "item": item,
        "number": number,
        "round": matrix.round,
        "wording": matrix.items[row].text,
        "distribution": stats.counts,
        "stats": stats,
        "verdict": stats.verdict,
        "verdict_label": verdict_label(stats.verdict),
        "speakers": None if meeting.is_anonymous else speaking_order(votes, meeting.speaking_order),
    }


def colour_order(order: str) -> tuple[str, ...]:
    """The colours in the order their voters speak."""
    return ALTERNATE_COLOURS if order == "alternate" else DISSENT_FIRST


def projector_context(meeting) -> dict:
    """What the live projector shows of the debate (live/_projector_debate.html) (item None
    when no item is in debate yet)."""
    item = meeting.debate_item
    if item is None:
        return {"meeting": meeting, "item": None, "distribution": None, "speakers": None}
    return {"meeting": meeting, **item_in_debate(meeting, item)}
