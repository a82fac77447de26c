"""How items moved between two rounds.

A small adapter over abaque.analysis.compare_rounds until the debate app
provides debate.evolution; then this module only reshapes its result."""

from __future__ import annotations

from abaque import scale
from abaque.analysis import VERDICT_LABELS, compare_rounds
from abaque.meetings.matrix import round_matrix


def round_evolution(meeting, before, after, numbers: dict[int, int]) -> dict:
    """Items of `after` also voted in `before`: consensus, verdict and the
    participants who changed their vote (labels as in the matrices)."""
    old, new = round_matrix(before), round_matrix(after)
    old_rows = {ri.item_id: i for i, ri in enumerate(old.items)}
    common = [(i, ri) for i, ri in enumerate(new.items) if ri.item_id in old_rows]
    changes = compare_rounds(
        [old.codes[old_rows[ri.item_id]] for _, ri in common],
        [new.codes[i] for i, _ in common],
        width=meeting.scale_width,
    )
    labels = new.participant_labels()
    items = []
    for (i, ri), change in zip(common, changes):
        items.append({
            "number": numbers[ri.item_id],
            "text_before": old.items[old_rows[ri.item_id]].text,
            "text": ri.text,
            "change": change,
            "verdict_before": VERDICT_LABELS[change.verdict_before],
            "verdict_after": VERDICT_LABELS[change.verdict_after],
            "moves": [
                {"label": labels[m.participant], "from": scale.BY_CODE[m.code_from], "to": scale.BY_CODE[m.code_to]}
                for m in change.moves
            ],
        })
    return {"before": before, "after": after, "items": sorted(items, key=lambda e: e["number"])}
