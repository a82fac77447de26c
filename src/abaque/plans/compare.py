"""Séances that voted on the same items, side by side: items are matched by
their normalised wording, each item read from the latest round of its séance
that voted on it."""

import unicodedata
from dataclasses import dataclass

from abaque.analysis import ItemStats
from abaque.meetings.matrix import round_matrix
from abaque.wording import verdict_label

TRAILING = " .;:!?…"


def normalise(text: str) -> str:
    """Same item, whatever the case, spacing, apostrophe or final dot."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").casefold()
    return " ".join(text.split()).rstrip(TRAILING)


@dataclass
class Cell:
    stats: ItemStats

    @property
    def verdict_label(self) -> str:
        return verdict_label(self.stats.verdict)


@dataclass
class ComparedItem:
    text: str  # the wording of the first séance that has it
    cells: list[Cell | None]  # one per séance, None when it did not vote on it


def latest_stats(meeting) -> dict[int, tuple[str, ItemStats]]:
    """Item id → (wording, stats) in the latest round that voted on it: a
    second round after the debate often revotes only the dissensus items."""
    latest = {}
    for round_ in meeting.rounds.order_by("number"):
        matrix = round_matrix(round_)
        if not any(any(row) for row in matrix.codes):
            continue  # a round prepared but not voted yet says nothing
        analysis = matrix.analyse()
        latest.update({ri.item_id: (ri.text, analysis.items[i]) for i, ri in enumerate(matrix.items)})
    return latest


def item_stats(items) -> dict[int, ItemStats]:
    """Item id → stats for items of any séances, one analysis per séance."""
    meetings = {item.meeting_id: item.meeting for item in items}
    stats = {}
    for meeting in meetings.values():
        stats.update({pk: s for pk, (_, s) in latest_stats(meeting).items()})
    return stats


def meeting_items(meeting) -> dict[str, tuple[str, ItemStats]]:
    """Normalised text → (wording, stats), as `latest_stats`."""
    return {normalise(text): (text, s) for text, s in latest_stats(meeting).values()}


def compare_meetings(meetings) -> list[ComparedItem]:
    """Items voted on by at least two of `meetings`, in the first one's order."""
    tables = [meeting_items(m) for m in meetings]
    order: dict[str, str] = {}
    for table in tables:
        for key, (text, _) in table.items():
            order.setdefault(key, text)
    rows = []
    for key, text in order.items():
        cells = [Cell(table[key][1]) if key in table else None for table in tables]
        if sum(c is not None for c in cells) >= 2:
            rows.append(ComparedItem(text, cells))
    return rows
