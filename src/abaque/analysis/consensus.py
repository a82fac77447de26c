"""Tastle & Wierman's consensus measure for ordinal scales.

W. J. Tastle and M. J. Wierman, "Consensus and dissention: a measure of
ordinal dispersion", International Journal of Approximate Reasoning 45
(2007) 531-545:

    Cns(X) = 1 + sum_i p_i * log2(1 - |X_i - mu| / width)

where p_i is the share of opinions at level X_i, mu the mean level and
width = X_max - X_min of the *scale* (not of the votes): 4 on the standard
-2..+2 scale, 2 on the three-opinion variant -1..+1. Cns is 1 when every
opinion is on the same level and 0 for an even split between both ends.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from abaque import scale

STANDARD_WIDTH = 4  # -2..+2

# Float noise (e.g. 0.9999999999999998) would break equality of equal
# distributions and the exact 1 for unanimity; the measure needs no more.
_DECIMALS = 12

WeightsOrCounts = Mapping[int | float | str, int] | Sequence[float] | np.ndarray


def consensus(values: WeightsOrCounts, width: int = STANDARD_WIDTH) -> float | None:
    """Consensus in [0, 1] of a set of opinions; None when there is none.

    `values` is either a mapping of counts keyed by weight (or by code, in
    which case white and black are skipped as they carry no weight), or an
    array of individual weights where NaN (no opinion) is skipped.
    """
    levels, counts = _distribution(values)
    return _tastle_wierman(levels, counts, width)


def _distribution(values: WeightsOrCounts) -> tuple[np.ndarray, np.ndarray]:
    if isinstance(values, Mapping):
        pairs = [(_weight_of(key), n) for key, n in values.items() if n]
        pairs = [(w, n) for w, n in pairs if w is not None]
        levels = np.array([w for w, _ in pairs], dtype=float)
        counts = np.array([n for _, n in pairs], dtype=float)
    else:
        flat = np.asarray(values, dtype=float).ravel()
        levels, counts = np.unique(flat[~np.isnan(flat)], return_counts=True)
    if (counts < 0).any():
        raise ValueError("negative count")
    return levels, counts.astype(float)


def _weight_of(key: int | float | str) -> float | None:
    if isinstance(key, str):
        return scale.WEIGHTS.get(key)  # None for white and black
    return float(key)


def _tastle_wierman(levels: np.ndarray, counts: np.ndarray, width: float) -> float | None:
    total = counts.sum()
    if total == 0:
        return None
    if width <= 0 or levels.max() - levels.min() > width:
        raise ValueError(f"opinions spread wider than the scale width {width}")
    shares = counts / total
    mu = float((shares * levels).sum())
    value = 1 + float((shares * np.log2(1 - np.abs(levels - mu) / width)).sum())
    return round(min(1.0, max(0.0, value)), _DECIMALS)


def consensus_of_counts(counts: np.ndarray, levels: np.ndarray, width: float = STANDARD_WIDTH) -> list[float | None]:
    """`consensus` of many distributions at once: `counts` holds one row per
    distribution and one column per level of `levels` (weights).

    The same figures as `consensus`, rounded alike: levels are summed in
    increasing order, absent levels add exact zeros.
    """
    order = np.argsort(levels, kind="stable")
    levels, counts = np.asarray(levels, dtype=float)[order], np.asarray(counts, dtype=float)[:, order]
    if (counts < 0).any():
        raise ValueError("negative count")
    present = counts > 0
    if present.any():
        spread = np.where(present, levels, -np.inf).max(axis=1) - np.where(present, levels, np.inf).min(axis=1)
        if width <= 0 or (spread[present.any(axis=1)] > width).any():
            raise ValueError(f"opinions spread wider than the scale width {width}")
    total = counts.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = counts / np.where(total > 0, total, 1)
        mu = (shares * levels).sum(axis=1, keepdims=True)
        terms = np.where(present, shares * np.log2(np.where(present, 1 - np.abs(levels - mu) / width, 1)), 0.0)
    values = 1 + terms.sum(axis=1)
    return [
        None if t == 0 else round(min(1.0, max(0.0, v)), _DECIMALS)
        for v, t in zip(values.tolist(), total[:, 0].tolist())
    ]
