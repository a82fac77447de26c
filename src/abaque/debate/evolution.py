"""How votes moved between two rounds, item by item: the API shared with the
compte-rendu (abaque.reports)."""

from __future__ import annotations

from typing import NamedTuple

from abaque import scale
from abaque.analysis import VERDICT_LABELS, compare_rounds, encode
from abaque.analysis.stats import item_stats
from abaque.meetings.matrix import participant_labels, round_matrix
from abaque.meetings.models import Item, Participant, Round, RoundItem


class AlignedItem(NamedTuple):
    item: Item
    before: RoundItem  # the wording round_a voted on
    after: RoundItem  # the wording round_b voted on


def aligned_rounds(
    round_a: Round, round_b: Round
) -> tuple[list[AlignedItem], list[Participant], list[list[str | None]], list[list[str | None]]]:
    """The two rounds' matrices restricted to the items both voted on (in
    round_b's order) and to the participants of both (in round_b's order),
    so that cell [i][j] is the same item and person in both."""
    a, b = round_matrix(round_a), round_matrix(round_b)
    rows_a = {entry.item_id: i for i, entry in enumerate(a.items)}
    cols_a = {p.pk: j for j, p in enumerate(a.participants)}
    rows = [(rows_a[entry.item_id], i) for i, entry in enumerate(b.items) if entry.item_id in rows_a]
    cols = [(cols_a[p.pk], j) for j, p in enumerate(b.participants) if p.pk in cols_a]
    entries = [AlignedItem(b.items[ib].item, a.items[ia], b.items[ib]) for ia, ib in rows]
    participants = [b.participants[jb] for _, jb in cols]
    codes_a = [[a.codes[ia][ja] for ja, _ in cols] for ia, _ in rows]
    codes_b = [[b.codes[ib][jb] for _, jb in cols] for _, ib in rows]
    return entries, participants, codes_a, codes_b


def evolution(meeting, round_a: Round, round_b: Round) -> list[dict]:
    """Per common item, ready for templates: wording before and after,
    counts, consensus (with its difference), mean, verdict before and after,
    and who moved from which colour to which (labelled by name, or by
    letter when the séance shows letters)."""
    entries, participants, codes_a, codes_b = aligned_rounds(round_a, round_b)
    if not entries:
        return []
    width = meeting.scale_width
    before, after = encode(codes_a), encode(codes_b)
    labels = participant_labels(meeting, participants)
    stats_a, stats_b = item_stats(before, width), item_stats(after, width)
    return [
        _item_evolution(entry, change, stats_a[i], stats_b[i], participants, labels)
        for i, (entry, change) in enumerate(zip(entries, compare_rounds(before, after, width)))
    ]


def _item_evolution(entry, change, old, new, participants, labels) -> dict:
    delta = None
    if change.consensus_before is not None and change.consensus_after is not None:
        delta = change.consensus_after - change.consensus_before
    return {
        "item": entry.item,
        "text_before": entry.before.text,
        "text_after": entry.after.text,
        "reworded": entry.before.text != entry.after.text,
        "counts_before": old.counts,
        "counts_after": new.counts,
        "consensus_before": change.consensus_before,
        "consensus_after": change.consensus_after,
        "consensus_delta": delta,
        "mean_before": change.mean_before,
        "mean_after": change.mean_after,
        "verdict_before": change.verdict_before,
        "verdict_after": change.verdict_after,
        "verdict_before_label": VERDICT_LABELS[change.verdict_before],
        "verdict_after_label": VERDICT_LABELS[change.verdict_after],
        "moves": [_move(m, participants, labels) for m in change.moves],
    }


def _move(move, participants, labels) -> dict:
    """One change of mind; `towards` says whether it leans to agreement,
    disagreement, or to or from a non-opinion (white, black)."""
    w_from, w_to = scale.WEIGHTS.get(move.code_from), scale.WEIGHTS.get(move.code_to)
    towards = "aside" if w_from is None or w_to is None else ("agree" if w_to > w_from else "disagree")
    return {
        "participant": participants[move.participant],
        "label": labels[move.participant],
        "code_from": move.code_from,
        "code_to": move.code_to,
        "level_from": scale.BY_CODE[move.code_from],
        "level_to": scale.BY_CODE[move.code_to],
        "towards": towards,
    }
