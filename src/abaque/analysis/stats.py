"""Figures per item (row) and per participant (column) of an encoded matrix."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .consensus import STANDARD_WIDTH, consensus
from .matrix import DISSENT_INDICES, SUPPORT_INDICES, code_counts, is_opinion, mean_weight, weights
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
    return [_item(row, width) for row in encoded]


def _item(row: np.ndarray, width: int) -> ItemStats:
    counts, not_voted = code_counts(row)
    n_opinions = int(is_opinion(row).sum())
    mean, cns = mean_weight(row), consensus(weights(row), width)
    return ItemStats(
        counts=counts,
        not_voted=not_voted,
        n_opinions=n_opinions,
        mean=mean,
        consensus=cns,
        verdict=verdict_of(n_opinions, len(row) - not_voted, mean, cns, width),
        dissenters=_columns_with(row, DISSENT_INDICES),
        supporters=_columns_with(row, SUPPORT_INDICES),
    )


def _columns_with(row: np.ndarray, indices: tuple[int, ...]) -> list[int]:
    return [int(j) for j in np.flatnonzero(np.isin(row, indices))]


def participant_stats(encoded: np.ndarray, width: int = STANDARD_WIDTH) -> list[ParticipantStats]:
    agreement = agreements(encoded, width)
    return [
        ParticipantStats(*code_counts(column), mean=mean_weight(column), agreement=agreement[j])
        for j, column in enumerate(encoded.T)
    ]


def item_means(encoded: np.ndarray) -> list[float | None]:
    return [mean_weight(row) for row in encoded]


def item_consensus(encoded: np.ndarray, width: int = STANDARD_WIDTH) -> list[float | None]:
    return [consensus(weights(row), width) for row in encoded]


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
    values = weights(encoded)
    opinion = ~np.isnan(values)
    sums = np.nansum(values, axis=1, keepdims=True)
    others = opinion.sum(axis=1, keepdims=True) - 1
    with np.errstate(invalid="ignore", divide="ignore"):
        gap = np.abs(values - (sums - np.nan_to_num(values)) / others) / width
    gap[~opinion | (others < 1)] = np.nan
    return [None if np.isnan(g).all() else 1 - float(np.nanmean(g)) for g in gap.T]
