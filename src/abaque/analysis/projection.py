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

from .matrix import weights

SEED = 7  # k-means starts; any fixed value keeps results reproducible
KMEANS_STARTS = 4
KMEANS_ITERATIONS = 100


def centred(matrix: np.ndarray) -> np.ndarray:
    """Rows × columns weights, centred per column, missing cells 0, scaled."""
    values = weights(matrix)
    opinion = ~np.isnan(values)
    counts = opinion.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.where(counts > 0, np.nansum(values, axis=0) / np.maximum(counts, 1), 0.0)
    result = np.where(opinion, values - means, 0.0)
    given = opinion.sum(axis=1)
    scale = np.sqrt(matrix.shape[1] / np.maximum(given, 1))
    return result * scale[:, None]


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
    if m <= n:
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


def kmeans(points: np.ndarray, k: int, seed: int = SEED) -> tuple[np.ndarray, np.ndarray]:
    """Labels and centres: k-means++ starts (fixed seed), Lloyd iterations,
    the best of KMEANS_STARTS. Points are visited in lexicographic order so
    that a permutation of the rows gives the same partition."""
    n = len(points)
    canonical = np.lexsort(points.T[::-1]) if points.shape[1] else np.arange(n)
    ordered = points[canonical]
    rng = np.random.default_rng(seed)
    best: tuple[float, np.ndarray, np.ndarray] | None = None
    for _ in range(KMEANS_STARTS):
        labels, centres = _lloyd(ordered, _plus_plus(ordered, k, rng))
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


def _lloyd(points: np.ndarray, centres: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    labels = np.zeros(len(points), dtype=np.intp)
    for _ in range(KMEANS_ITERATIONS):
        squared = (points**2).sum(axis=1)[:, None] - 2 * points @ centres.T + (centres**2).sum(axis=1)[None, :]
        new = squared.argmin(axis=1)
        for c in range(len(centres)):
            members = points[new == c]
            if len(members):
                centres[c] = members.mean(axis=0)
        if np.array_equal(new, labels) and _ > 0:
            break
        labels = new
    return labels, centres
