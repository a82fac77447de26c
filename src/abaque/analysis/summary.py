"""`analyse`: every figure and ordering of a matrix in one object."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field

import numpy as np

from .consensus import STANDARD_WIDTH
from .groups import Groups, opinion_groups
from .matrix import Rows, as_encoded
from .ordering import ORDERS, pick_order, seriate_rows
from .stats import ItemStats, ParticipantStats, item_stats, participant_stats


@dataclass
class Analysis:
    items: list[ItemStats]
    participants: list[ParticipantStats]
    item_orders: Mapping[str, list[int]]  # keyed by ORDERS, computed when first read
    participant_orders: Mapping[str, list[int]]
    matrix: np.ndarray | None = field(default=None, compare=False, repr=False)
    _groups: Groups | None = field(default=None, compare=False, repr=False)

    @property
    def groups(self) -> Groups:
        """Opinion groups, computed on first use and kept."""
        if self._groups is None:
            if self.matrix is None:
                raise ValueError("this analysis was made without its matrix: no groups")
            self._groups = opinion_groups(self.matrix)
        return self._groups


class LazyOrders(Mapping[str, list[int]]):
    """Every order by name, each computed on first use and kept: one
    analysis serves every page, and a seriation nobody shows costs nothing."""

    def __init__(self, compute: Callable[[str], list[int]]):
        self._compute = compute
        self._done: dict[str, list[int]] = {}

    def __getitem__(self, by: str) -> list[int]:
        if by not in ORDERS:
            raise KeyError(by)
        if by not in self._done:
            self._done[by] = self._compute(by)
        return self._done[by]

    def __iter__(self) -> Iterator[str]:
        return iter(ORDERS)

    def __len__(self) -> int:
        return len(ORDERS)


def analyse(rows_or_encoded: Rows | np.ndarray, width: int = STANDARD_WIDTH) -> Analysis:
    """Analyse rows of codes or an encoded matrix (items × participants).

    `width` is the span of the scale in use: 4 for -2..+2, 2 for the
    three-opinion variant.
    """
    matrix = as_encoded(rows_or_encoded)
    items, participants = item_stats(matrix, width), participant_stats(matrix, width)
    return Analysis(
        items=items,
        participants=participants,
        item_orders=LazyOrders(
            lambda by: pick_order(
                by,
                len(items),
                lambda: [s.mean for s in items],
                lambda: [s.consensus for s in items],
                lambda: seriate_rows(matrix, width),
            )
        ),
        matrix=matrix,
        participant_orders=LazyOrders(
            lambda by: pick_order(
                by,
                len(participants),
                lambda: [p.mean for p in participants],
                lambda: [p.agreement for p in participants],
                lambda: seriate_rows(matrix.T, width),
            )
        ),
    )
