"""Orderings of the matrix rows (items) and columns (participants)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from scipy.cluster.hierarchy import leaves_list, linkage, optimal_leaf_ordering
from scipy.spatial.distance import squareform

from .consensus import STANDARD_WIDTH
from .matrix import NOT_VOTED, Rows, as_encoded, is_opinion, weights
from .stats import agreements, item_consensus, item_means, participant_means

ORDERS: tuple[str, ...] = ("entered", "mean", "consensus", "seriation")

# Seriation distance, see `pair_distances`. A white or black cell facing an
# opinion (or white facing black) is half as far as the two ends of the
# scale: not knowing or refusing is neither close to nor opposed to a view.
NON_OPINION_GAP = 0.5
# Two rows with no cell voted in common: nothing is known, so neither near
# nor far.
NO_OVERLAP_DISTANCE = 0.5


def ranked(values: Sequence[float | None]) -> list[int]:
    """Indices by value, highest first, None last; ties keep entered order."""
    return sorted(range(len(values)), key=lambda i: (values[i] is None, -(values[i] or 0.0)))


def order_items(encoded: Rows | np.ndarray, by: str, width: int = STANDARD_WIDTH) -> list[int]:
    matrix = as_encoded(encoded)
    return pick_order(
        by,
        matrix.shape[0],
        means=lambda: item_means(matrix),  # green to red, the classic Régnier sort
        closeness=lambda: item_consensus(matrix, width),
        seriation=lambda: seriate_rows(matrix, width),
    )


def order_participants(encoded: Rows | np.ndarray, by: str, width: int = STANDARD_WIDTH) -> list[int]:
    matrix = as_encoded(encoded)
    return pick_order(
        by,
        matrix.shape[1],
        means=lambda: participant_means(matrix),
        closeness=lambda: agreements(matrix, width),
        seriation=lambda: seriate_rows(matrix.T, width),
    )


Values = Callable[[], Sequence[float | None]]


def pick_order(by: str, n: int, means: Values, closeness: Values, seriation: Callable[[], list[int]]) -> list[int]:
    """The order named `by`, computing only what it needs."""
    orders: dict[str, Callable[[], list[int]]] = {
        "entered": lambda: list(range(n)),
        "mean": lambda: ranked(means()),
        "consensus": lambda: ranked(closeness()),
        "seriation": seriation,
    }
    if by not in orders:
        raise ValueError(f"unknown order {by!r}; choose among {', '.join(ORDERS)}")
    return orders[by]()


def all_orders(
    n: int, means: Sequence[float | None], closeness: Sequence[float | None], seriation: list[int]
) -> dict[str, list[int]]:
    """Every order, from figures already computed."""
    return {by: pick_order(by, n, lambda: means, lambda: closeness, lambda: seriation) for by in ORDERS}


def seriate(encoded: Rows | np.ndarray, width: int = STANDARD_WIDTH) -> tuple[list[int], list[int]]:
    """Row and column orders that put similar items and participants side by side.

    Average-linkage clustering on `pair_distances`, then scipy's optimal leaf
    ordering (adjacent leaves as similar as possible), turned so that the
    greener end comes first. Deterministic; rows or columns with no
    structure (fewer than three, or all at the same distance) keep their
    entered order.
    """
    matrix = as_encoded(encoded)
    return seriate_rows(matrix, width), seriate_rows(matrix.T, width)


def seriate_rows(matrix: np.ndarray, width: int = STANDARD_WIDTH) -> list[int]:
    n = matrix.shape[0]
    distances = squareform(pair_distances(matrix, width), checks=False)
    if n < 3 or np.ptp(distances) == 0:
        return list(range(n))
    tree = optimal_leaf_ordering(linkage(distances, method="average"), distances)
    return _greener_first([int(i) for i in leaves_list(tree)], matrix)


def pair_distances(matrix: np.ndarray, width: int = STANDARD_WIDTH) -> np.ndarray:
    """Square matrix of distances in [0, 1] between rows (a Gower-like mean).

    Over the columns where both rows are voted: two opinions differ by
    |weight difference| / width; the same white or black by 0; a white or
    black against anything else by NON_OPINION_GAP. Empty cells are missing
    data and skipped; with no column in common, NO_OVERLAP_DISTANCE.
    Computed one row at a time to keep memory linear in the matrix size.
    """
    values, opinion, voted = weights(matrix), is_opinion(matrix), matrix != NOT_VOTED
    result = np.zeros((matrix.shape[0], matrix.shape[0]))
    for i in range(matrix.shape[0]):
        both = voted[i] & voted
        cell = np.where(matrix[i] == matrix, 0.0, NON_OPINION_GAP)
        opinions = opinion[i] & opinion
        cell[opinions] = (np.abs(values[i] - values) / width)[opinions]
        compared = both.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            result[i] = np.where(compared > 0, (cell * both).sum(axis=1) / compared, NO_OVERLAP_DISTANCE)
    np.fill_diagonal(result, 0.0)
    return result


def _greener_first(order: list[int], matrix: np.ndarray) -> list[int]:
    means = np.array([0.0 if m is None else m for m in item_means(matrix)])
    half = len(order) // 2
    head, tail = means[order[:half]].mean(), means[order[-half:]].mean()
    return order[::-1] if tail > head else order
