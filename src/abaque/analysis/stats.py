"""Figures per item (row) and per participant (column) of an encoded matrix."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from abaque import scale

from .consensus import STANDARD_WIDTH, consensus_of_counts
from .matrix import DISSENT_INDICES, NOT_VOTED, SUPPORT_INDICES, has_code, is_opinion, weights_or_zero
from .verdict import verdict_of


@dataclass
class ItemStats:
    counts: dict[str, int]  # all seven codes, zeros included
    not_voted: int
    n_opinions: int
    mean: float | None  # over opinions only
    consensus: float | None  # over opinions only
    verdict: str  # a Verdict constant
    dissenters: list[int]  # columns that voted R, RR or B
    supporters: list[int] = field(default_factory=list)  # columns that voted VG or G

    @property
    def n_voted(self) -> int:
        return sum(self.counts.values())


@dataclass
class ParticipantStats:
    counts: dict[str, int]
    not_voted: int
    mean: float | None
    agreement: float | None  # see `agreements`


def item_stats(encoded: np.ndarray, width: int = STANDARD_WIDTH) -> list[ItemStats]:
    """Figures of every row, computed on the whole matrix at once."""
    counts, not_voted = _code_counts(encoded, axis=1)
    n_opinions = counts[:, _OPINION_COLUMNS].sum(axis=1)
    means = _means(counts, n_opinions)
    consensuses = consensus_of_counts(counts[:, _OPINION_COLUMNS], _OPINION_WEIGHTS, width)
    n_voted = counts.sum(axis=1)
    dissenters = _columns_per_row(has_code(encoded, DISSENT_INDICES))
    supporters = _columns_per_row(has_code(encoded, SUPPORT_INDICES))
    return [
        ItemStats(
            counts=dict(zip(scale.CODES, row)),
            not_voted=nv,
            n_opinions=n,
            mean=mean,
            consensus=cns,
            verdict=verdict_of(n, nv_total, mean, cns, width),
            dissenters=dissent,
            supporters=support,
        )
        for row, nv, n, mean, cns, nv_total, dissent, support in zip(
            counts.tolist(),
            not_voted.tolist(),
            n_opinions.tolist(),
            means,
            consensuses,
            n_voted.tolist(),
            dissenters,
            supporters,
        )
    ]


# Columns of the opinion codes in `scale.CODES`, and their weights.
_OPINION_COLUMNS = np.array([i for i, level in enumerate(scale.LEVELS) if level.weight is not None])
_OPINION_WEIGHTS = np.array([level.weight for level in scale.LEVELS if level.weight is not None], dtype=np.float64)


def _code_counts(encoded: np.ndarray, axis: int) -> tuple[np.ndarray, np.ndarray]:
    """Count of every code along `axis` (one column per code of `scale.CODES`) and of empty cells."""
    counts = np.stack([(encoded == i).sum(axis=axis) for i in range(len(scale.CODES))], axis=-1)
    return counts, (encoded == NOT_VOTED).sum(axis=axis)


def _means(counts: np.ndarray, n_opinions: np.ndarray) -> list[float | None]:
    """Mean weight over opinions (sums of integers, exact), None without any."""
    sums = counts[:, _OPINION_COLUMNS] @ _OPINION_WEIGHTS
    return [None if n == 0 else s / n for s, n in zip(sums.tolist(), n_opinions.tolist())]


def _columns_per_row(mask: np.ndarray) -> list[list[int]]:
    rows, columns = np.nonzero(mask)
    bounds = np.searchsorted(rows, np.arange(1, mask.shape[0]))
    return [part.tolist() for part in np.split(columns, bounds)]


def participant_stats(encoded: np.ndarray, width: int = STANDARD_WIDTH) -> list[ParticipantStats]:
    agreement = agreements(encoded, width)
    counts, not_voted = _code_counts(encoded, axis=0)
    means = _means(counts, counts[:, _OPINION_COLUMNS].sum(axis=1))
    return [
        ParticipantStats(dict(zip(scale.CODES, row)), nv, mean=mean, agreement=agreement[j])
        for j, (row, nv, mean) in enumerate(zip(counts.tolist(), not_voted.tolist(), means))
    ]


def item_means(encoded: np.ndarray) -> list[float | None]:
    counts, _ = _code_counts(encoded, axis=1)
    return _means(counts, counts[:, _OPINION_COLUMNS].sum(axis=1))


def item_consensus(encoded: np.ndarray, width: int = STANDARD_WIDTH) -> list[float | None]:
    counts, _ = _code_counts(encoded, axis=1)
    return consensus_of_counts(counts[:, _OPINION_COLUMNS], _OPINION_WEIGHTS, width)


def participant_means(encoded: np.ndarray) -> list[float | None]:
    return item_means(encoded.T)


def agreements(encoded: np.ndarray, width: int = STANDARD_WIDTH) -> list[float | None]:
    """Agreement of each participant with the rest of the group, in [0, 1].

    On every item where the participant gave an opinion and someone else did
    too, compare their weight with the mean of the *others'* opinions (leaving
    them out, so a small group does not agree with itself):
    agreement = 1 - mean(|weight - others' mean|) / width. 1 means always on
    the others' mean; 0, always at the opposite end of the scale from a
    unanimous group. None when there is no such item. Whites, blacks and
    empty cells are not opinions and are skipped.
    """
    values = weights_or_zero(encoded)
    opinion = is_opinion(encoded)
    others = opinion.sum(axis=1) - 1  # per item, opinions besides the participant's
    counted = opinion & (others >= 1)[:, None]
    # In place on one matrix of floats: the others' mean, minus the weight.
    gap = values.sum(axis=1, keepdims=True) - values
    gap /= np.maximum(others, 1)[:, None]
    gap -= values
    np.abs(gap, out=gap)
    gap /= width
    gap *= counted
    given = counted.sum(axis=0)
    total = gap.sum(axis=0)
    return [None if n == 0 else 1 - t / n for t, n in zip(total.tolist(), given.tolist())]
