"""`analyse`: every figure and ordering of a matrix in one object."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .consensus import STANDARD_WIDTH
from .matrix import Rows, as_encoded
from .ordering import all_orders, seriate
from .stats import ItemStats, ParticipantStats, item_stats, participant_stats


@dataclass
class Analysis:
    items: list[ItemStats]
    participants: list[ParticipantStats]
    item_orders: dict[str, list[int]]  # keyed by ORDERS
    participant_orders: dict[str, list[int]]


def analyse(rows_or_encoded: Rows | np.ndarray, width: int = STANDARD_WIDTH) -> Analysis:
    """Analyse rows of codes or an encoded matrix (items × participants).

    `width` is the span of the scale in use: 4 for -2..+2, 2 for the
    three-opinion variant.
    """
    matrix = as_encoded(rows_or_encoded)
    items, participants = item_stats(matrix, width), participant_stats(matrix, width)
    rows, columns = seriate(matrix, width)
    return Analysis(
        items=items,
        participants=participants,
        item_orders=all_orders(len(items), [s.mean for s in items], [s.consensus for s in items], rows),
        participant_orders=all_orders(
            len(participants), [p.mean for p in participants], [p.agreement for p in participants], columns
        ),
    )
