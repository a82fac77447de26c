"""How votes moved between two rounds, item by item: the API shared with the
compte-rendu (abaque.reports)."""

from __future__ import annotations

from typing import NamedTuple

from abaque import scale
from abaque.analysis import compare_rounds, encode
from abaque.analysis.stats import item_stats
from abaque.meetings.matrix import participant_labels, round_matrix
from abaque.meetings.models import Item, Meeting, Participant, Round, RoundItem
from abaque.wording import verdict_label


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
        "verdict_before_label": verdict_label(change.verdict_before),
        "verdict_after_label": verdict_label(change.verdict_after),
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


def summary(items: list[dict]) -> dict:
    """The headline: how many items grew closer, and how many votes moved."""
    return {
        "closer": sum(1 for row in items if (row["consensus_delta"] or 0) > 0),
        "further": sum(1 for row in items if (row["consensus_delta"] or 0) < 0),
        "moves": sum(len(row["moves"]) for row in items),
    }


def projected_rounds(meeting: Meeting) -> tuple[Round, Round] | None:
    """The two rounds the projector compares: the last two closed ones (an
    open round's votes are never projected)."""
    closed = list(meeting.rounds.filter(status=Round.Status.CLOSED).order_by("-number")[:2])
    return (closed[1], closed[0]) if len(closed) == 2 else None


def projected_evolution(meeting: Meeting, numbers: dict[int, int]) -> dict | None:
    """What the projector shows of the evolution (None before two closed
    rounds): each common item with its séance number."""
    pair = projected_rounds(meeting)
    if pair is None:
        return None
    items = [{**row, "number": numbers.get(row["item"].pk)} for row in evolution(meeting, *pair)]
    return {"round_a": pair[0], "round_b": pair[1], "items": items, "summary": summary(items)}
