"""Comparison of two vote rounds on the same items and participants."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from abaque import scale

from .consensus import STANDARD_WIDTH
from .matrix import NOT_VOTED, Rows, as_encoded
from .stats import item_stats


@dataclass
class Move:
    participant: int
    code_from: str
    code_to: str


@dataclass
class ItemEvolution:
    item: int
    consensus_before: float | None
    consensus_after: float | None
    mean_before: float | None
    mean_after: float | None
    verdict_before: str
    verdict_after: str
    moves: list[Move]


def compare_rounds(
    before_encoded: Rows | np.ndarray, after_encoded: Rows | np.ndarray, width: int = STANDARD_WIDTH
) -> list[ItemEvolution]:
    """Per item, how its figures changed and who changed their vote.

    A move is a cell voted in both rounds with a different code; a vote
    appearing or disappearing is not a change of mind.
    """
    before, after = as_encoded(before_encoded), as_encoded(after_encoded)
    if before.shape != after.shape:
        raise ValueError(f"rounds of different shapes: {before.shape} and {after.shape}")
    changed = (before != NOT_VOTED) & (after != NOT_VOTED) & (before != after)
    return [
        ItemEvolution(
            item=i,
            consensus_before=old.consensus,
            consensus_after=new.consensus,
            mean_before=old.mean,
            mean_after=new.mean,
            verdict_before=old.verdict,
            verdict_after=new.verdict,
            moves=[
                Move(int(j), scale.CODES[before[i, j]], scale.CODES[after[i, j]]) for j in np.flatnonzero(changed[i])
            ],
        )
        for i, (old, new) in enumerate(zip(item_stats(before, width), item_stats(after, width)))
    ]
