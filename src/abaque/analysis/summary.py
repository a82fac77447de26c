"""`analyse`: every figure and ordering of a matrix in one object."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .consensus import STANDARD_WIDTH
from .matrix import Rows, as_encoded
from .ordering import ORDERS, order_items, order_participants
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
    return Analysis(
        items=item_stats(matrix, width),
        participants=participant_stats(matrix, width),
        item_orders={by: order_items(matrix, by, width) for by in ORDERS},
        participant_orders={by: order_participants(matrix, by, width) for by in ORDERS},
    )
