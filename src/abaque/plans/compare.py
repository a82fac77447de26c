"""Séances that voted on the same items, side by side: items are matched by
their normalised wording, each séance read from its latest round."""

import unicodedata
from dataclasses import dataclass

from abaque.analysis import VERDICT_LABELS, ItemStats
from abaque.meetings.matrix import round_matrix

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
        return VERDICT_LABELS[self.stats.verdict]


@dataclass
class ComparedItem:
    text: str  # the wording of the first séance that has it
    cells: list[Cell | None]  # one per séance, None when it did not vote on it


def latest_stats(meeting) -> dict[int, tuple[str, ItemStats]]:
    """Item id → (wording, stats) in the séance's latest round."""
    round_ = meeting.current_round()
    if round_ is None:
        return {}
    matrix = round_matrix(round_)
    analysis = matrix.analyse()
    return {ri.item_id: (ri.text, analysis.items[i]) for i, ri in enumerate(matrix.items)}


def item_stats(items) -> dict[int, ItemStats]:
    """Item id → stats for items of any séances, one analysis per séance."""
    meetings = {item.meeting_id: item.meeting for item in items}
    stats = {}
    for meeting in meetings.values():
        stats.update({pk: s for pk, (_, s) in latest_stats(meeting).items()})
    return stats


def meeting_items(meeting) -> dict[str, tuple[str, ItemStats]]:
    """Normalised text → (wording, stats) for the séance's latest round."""
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
