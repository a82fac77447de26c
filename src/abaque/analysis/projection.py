"""Projection of rows of weights on their leading components, and k-means.

Shared by the seriation of large axes and the opinion groups. White, black
and not voted are missing data, not zero opinions: each column is centred
on the mean of its opinions and a missing cell is set to that mean (0 after
centring), then rows are scaled up by sqrt(columns / opinions given) so
that a participant who voted little is not pulled to the centre (as Pol.is
does). Deterministic: fixed seed, rows taken in a canonical order.
"""

from __future__ import annotations

import numpy as np
from scipy.linalg import eigh

from .matrix import is_opinion, weights_or_zero

SEED = 7  # k-means starts; any fixed value keeps results reproducible
KMEANS_STARTS = 4
KMEANS_ITERATIONS = 100
# Up to this many rows and columns (the smaller side), the leading components
# come from an exact eigen-decomposition of the smaller Gram matrix (a full
# matrix product). Beyond it, from a randomized subspace iteration (Halko,
# Martinsson & Tropp 2011): a few products with a thin block of
# dimensions + OVERSAMPLING columns, so the cost grows like rows × columns.
EXACT_PROJECTION_MAX = 600
OVERSAMPLING = 10
POWER_ITERATIONS = 2


def centred(matrix: np.ndarray) -> np.ndarray:
    """Rows × columns weights, centred per column, missing cells 0, scaled."""
    result = weights_or_zero(matrix)
    opinion = is_opinion(matrix)
    counts = opinion.sum(axis=0)
    means = result.sum(axis=0) / np.maximum(counts, 1)
    result -= means  # in place: the matrix of floats is the largest object here
    result *= opinion
    given = opinion.sum(axis=1)
    result *= np.sqrt(matrix.shape[1] / np.maximum(given, 1))[:, None]
    return result


def project(matrix: np.ndarray, dimensions: int) -> np.ndarray:
    """Coordinates of each row on the leading principal components.

    The eigen-decomposition runs on the smaller of the two Gram matrices,
    so its cost is one matrix product. Signs are fixed so that each
    component's largest loading is positive (deterministic).
    """
    x = centred(matrix)
    n, m = x.shape
    d = max(0, min(dimensions, n, m))
    if d == 0:
        return np.zeros((n, 0))
    if min(n, m) > EXACT_PROJECTION_MAX:
        coordinates, loadings = _randomized(x, d)
    elif m <= n:
        values, vectors = eigh(x.T @ x, subset_by_index=[m - d, m - 1])
        coordinates = x @ vectors[:, ::-1]
        loadings = vectors[:, ::-1]
    else:
        values, vectors = eigh(x @ x.T, subset_by_index=[n - d, n - 1])
        coordinates = vectors[:, ::-1] * np.sqrt(np.clip(values[::-1], 0, None))
        loadings = x.T @ vectors[:, ::-1]
    flip = np.sign(loadings[np.abs(loadings).argmax(axis=0), np.arange(d)])
    flip[flip == 0] = 1
    return np.round(coordinates * flip, 10)


def _randomized(x: np.ndarray, d: int) -> tuple[np.ndarray, np.ndarray]:
    """Leading `d` components of `x` by subspace iteration from a fixed
    random block over the columns (the same for any order of the rows):
    coordinates of the rows and loadings of the columns, up to sign."""
    rng = np.random.default_rng(SEED)
    block = rng.standard_normal((x.shape[1], min(d + OVERSAMPLING, min(x.shape))))
    basis = _orthonormal(x @ block)
    for _ in range(POWER_ITERATIONS):
        basis = _orthonormal(x @ _orthonormal(x.T @ basis))
    small = basis.T @ x  # l × columns
    values, vectors = eigh(small @ small.T)
    top = vectors[:, ::-1][:, :d]
    coordinates = basis @ top * np.sqrt(np.clip(values[::-1][:d], 0, None))
    return coordinates, small.T @ top


def _orthonormal(block: np.ndarray) -> np.ndarray:
    """An orthonormal basis of a thin block's columns, from the eigen-
    decomposition of its small Gram matrix (cheaper than a QR of a tall
    block; directions with no weight are dropped). Twice, as in CholeskyQR2,
    so that the basis is orthonormal to rounding."""
    for _ in range(2):
        values, vectors = eigh(block.T @ block)
        keep = values > values.max() * 1e-12 if values.size and values.max() > 0 else np.zeros(len(values), dtype=bool)
        block = block @ (vectors[:, keep] / np.sqrt(values[keep]))
    return block


def kmeans(
    points: np.ndarray, k: int, seed: int = SEED, starts: int = KMEANS_STARTS, iterations: int = KMEANS_ITERATIONS
) -> tuple[np.ndarray, np.ndarray]:
    """Labels and centres: k-means++ starts (fixed seed), Lloyd iterations,
    the best of `starts`. Points are visited in lexicographic order so
    that a permutation of the rows gives the same partition."""
    n = len(points)
    canonical = np.lexsort(points.T[::-1]) if points.shape[1] else np.arange(n)
    ordered = points[canonical]
    rng = np.random.default_rng(seed)
    firsts = [_plus_plus(ordered, k, rng) for _ in range(starts)]
    # Starts that found fewer centres (all points alike) run alone; the others together.
    batched = [i for i, c in enumerate(firsts) if len(c) == k]
    runs: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    if batched:
        labels, centres = _lloyd(ordered, np.stack([firsts[i] for i in batched]), iterations)
        runs.update((i, (labels[b], centres[b])) for b, i in enumerate(batched))
    for i in set(range(starts)) - set(batched):
        labels, centres = _lloyd(ordered, firsts[i][None], iterations)
        runs[i] = (labels[0], centres[0])
    best: tuple[float, np.ndarray, np.ndarray] | None = None
    for i in range(starts):
        labels, centres = runs[i]
        inertia = float(((ordered - centres[labels]) ** 2).sum())
        if best is None or inertia < best[0] - 1e-9:
            best = (inertia, labels, centres)
    assert best is not None
    labels = np.empty(n, dtype=np.intp)
    labels[canonical] = best[1]
    return labels, best[2]


def _plus_plus(points: np.ndarray, k: int, rng: np.random.Generator) -> np.ndarray:
    centres = [points[rng.integers(len(points))]]
    closest = ((points - centres[0]) ** 2).sum(axis=1)
    for _ in range(1, k):
        total = closest.sum()
        if total <= 0:
            break
        chosen = int(np.searchsorted(np.cumsum(closest), rng.random() * total))
        centres.append(points[min(chosen, len(points) - 1)])
        closest = np.minimum(closest, ((points - centres[-1]) ** 2).sum(axis=1))
    return np.array(centres)


def _lloyd(points: np.ndarray, centres: np.ndarray, iterations: int) -> tuple[np.ndarray, np.ndarray]:
    """Lloyd iterations of several starts at once: `centres` is starts × k ×
    dimensions, the labels returned starts × points. Each centre update is
    one product with the points' one-hot labels, for every start together
    (on a small room the Python overhead of each step outweighed its
    arithmetic). A start that has settled stays settled: its centres are
    the means of the same labels. A centre left without points stays where
    it was."""
    starts, k = centres.shape[:2]
    centres = centres.astype(np.float64, copy=True)
    labels = np.zeros((starts, len(points)), dtype=np.intp)
    squared_points = (points**2).sum(axis=1)[None, :, None]
    clusters = np.arange(k)
    for iteration in range(iterations):
        squared = squared_points - 2 * points @ centres.transpose(0, 2, 1) + (centres**2).sum(axis=2)[:, None, :]
        new = squared.argmin(axis=2)
        one_hot = (new[:, :, None] == clusters).astype(np.float64)  # starts × points × k
        sizes = one_hot.sum(axis=1)
        sums = one_hot.transpose(0, 2, 1) @ points
        filled = sizes > 0
        centres[filled] = sums[filled] / sizes[filled][:, None]
        if iteration > 0 and np.array_equal(new, labels):
            break
        labels = new
    return labels, centres
