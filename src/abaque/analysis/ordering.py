"""Orderings of the matrix rows (items) and columns (participants)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from scipy.cluster.hierarchy import leaves_list, linkage, optimal_leaf_ordering
from scipy.spatial.distance import squareform

from .consensus import STANDARD_WIDTH
from .matrix import CODE_INDEX, NOT_VOTED, Rows, as_encoded, is_opinion, weights
from .stats import agreements, item_consensus, item_means, participant_means

ORDERS: tuple[str, ...] = ("entered", "mean", "consensus", "seriation")

# Seriation distance, see `pair_distances`. A white or black cell facing an
# opinion (or white facing black) is half as far as the two ends of the
# scale: not knowing or refusing is neither close to nor opposed to a view.
NON_OPINION_GAP = 0.5
# Two rows with no cell voted in common: nothing is known, so neither near
# nor far.
NO_OVERLAP_DISTANCE = 0.5
_WHITE, _BLACK = CODE_INDEX["W"], CODE_INDEX["B"]


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


# Up to this many rows, average linkage with scipy's optimal leaf ordering
# (its cost grows like n³: 400 rows take a fraction of a second, 1,921 took
# 31 s). Beyond it, see `_seriate_large`, whose cost grows like n·k.
EXACT_SERIATION_MAX = 400
# Cluster centres ordered exactly when seriating a large axis, and the
# dimensions of the projection they are found in.
LARGE_SERIATION_CENTRES = 200
LARGE_SERIATION_DIMENSIONS = 8
# One k-means start: the centres only need to cover the rows, not be the best partition.
LARGE_SERIATION_STARTS = 1
LARGE_SERIATION_ITERATIONS = 20


def seriate_rows(matrix: np.ndarray, width: int = STANDARD_WIDTH) -> list[int]:
    n = matrix.shape[0]
    if n > EXACT_SERIATION_MAX:
        return _greener_first(_seriate_large(matrix), matrix)
    distances = squareform(pair_distances(matrix, width), checks=False)
    if n < 3 or np.ptp(distances) == 0:
        return list(range(n))
    tree = optimal_leaf_ordering(linkage(distances, method="average"), distances)
    return _greener_first([int(i) for i in leaves_list(tree)], matrix)


def _seriate_large(matrix: np.ndarray) -> list[int]:
    """Optimal leaf ordering of cluster centres, then each cluster's rows
    along the line from the previous centre to the next.

    Rows are projected on the leading components of their centred weights
    (missing cells at the item mean), grouped by k-means into at most
    LARGE_SERIATION_CENTRES clusters; only the centres are seriated exactly.
    """
    from .projection import kmeans, project

    points = project(matrix, LARGE_SERIATION_DIMENSIONS)
    labels, centres = kmeans(
        points,
        min(LARGE_SERIATION_CENTRES, len(points)),
        starts=LARGE_SERIATION_STARTS,
        iterations=LARGE_SERIATION_ITERATIONS,
    )
    used = np.unique(labels)
    centres = centres[used]
    labels = np.searchsorted(used, labels)
    if len(centres) >= 3:
        condensed = _euclidean_condensed(centres)
        tree = optimal_leaf_ordering(linkage(condensed, method="average"), condensed)
        sequence = [int(c) for c in leaves_list(tree)]
    else:
        sequence = list(range(len(centres)))
    order: list[int] = []
    for position, c in enumerate(sequence):
        members = np.flatnonzero(labels == c)
        before = centres[sequence[position - 1]] if position else centres[c]
        after = centres[sequence[position + 1]] if position + 1 < len(sequence) else centres[c]
        direction = after - before
        key = points[members] @ direction if np.any(direction) else np.zeros(len(members))
        order.extend(int(m) for m in members[np.lexsort((members, key))])
    return order


def _euclidean_condensed(points: np.ndarray) -> np.ndarray:
    squared = (points**2).sum(axis=1)
    gram = squared[:, None] + squared[None, :] - 2 * points @ points.T
    distances = np.sqrt(np.clip(gram, 0, None))
    np.fill_diagonal(distances, 0.0)
    return squareform(distances, checks=False)


def pair_distances(matrix: np.ndarray, width: int = STANDARD_WIDTH) -> np.ndarray:
    """Square matrix of distances in [0, 1] between rows (a Gower-like mean).

    Over the columns where both rows are voted: two opinions differ by
    |weight difference| / width; the same white or black by 0; a white or
    black against anything else by NON_OPINION_GAP. Empty cells are missing
    data and skipped; with no column in common, NO_OVERLAP_DISTANCE.

    By matrix products (BLAS): |a - b| between two opinions is the number
    of thresholds between levels that separate them, and each threshold is
    an indicator matrix, so every sum over columns is a product.
    """
    values, opinion, voted = weights(matrix), is_opinion(matrix), matrix != NOT_VOTED
    o = opinion.astype(np.float64)
    v = voted.astype(np.float64)
    white = (matrix == _WHITE).astype(np.float64)
    black = (matrix == _BLACK).astype(np.float64)
    filled = np.where(opinion, values, -np.inf)
    # Thresholds half-way between the integer weights in use.
    lowest = np.nanmin(values) if opinion.any() else 0.0
    highest = np.nanmax(values) if opinion.any() else 0.0
    thresholds = np.arange(lowest + 0.5, highest, 1.0)
    above = np.hstack([(filled > t).astype(np.float64) for t in thresholds]) if len(thresholds) else None
    both_voted = v @ v.T
    both_opinions = o @ o.T
    gaps = np.zeros_like(both_voted)
    if above is not None:
        level = sum((filled > t).astype(np.float64) for t in thresholds)
        cross = level @ o.T
        gaps = cross + cross.T - 2 * (above @ above.T)
    mismatched = both_voted - both_opinions - white @ white.T - black @ black.T
    total = gaps / width + NON_OPINION_GAP * mismatched
    with np.errstate(invalid="ignore", divide="ignore"):
        result = np.where(both_voted > 0, total / np.where(both_voted > 0, both_voted, 1), NO_OVERLAP_DISTANCE)
    result = np.clip(np.round(result, 12), 0.0, 1.0)
    np.fill_diagonal(result, 0.0)
    return result


def _greener_first(order: list[int], matrix: np.ndarray) -> list[int]:
    means = np.array([0.0 if m is None else m for m in item_means(matrix)])
    half = len(order) // 2
    head, tail = means[order[:half]].mean(), means[order[-half:]].mean()
    return order[::-1] if tail > head else order
