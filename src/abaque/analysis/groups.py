"""Opinion groups: participants who think alike, and what sets each apart.

Pol.is's approach on the ordinal weights: participants with at least
MIN_OPINIONS opinions are projected on the two leading components of their
centred weights (white, black and not voted are missing data, see
`projection.centred`), then k-means for k in 2..MAX_GROUPS, k chosen by
silhouette among those whose groups all have MIN_GROUP_SIZE members.
Deterministic (fixed seed, canonical order of rows).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .matrix import CODE_INDEX, NOT_VOTED, has_code, is_opinion
from .projection import kmeans, project
from .text import N_, Message

MIN_OPINIONS = 7  # like Pol.is: fewer opinions given, not grouped
MIN_PARTICIPANTS = 12  # fewer grouped participants: no groups (noise)
MAX_GROUPS = 5
MIN_GROUP_SIZE = 3  # a k leaving a smaller group is not chosen: two people are not an opinion
DIMENSIONS = 2
SILHOUETTE_SAMPLE = 2000  # silhouette on at most this many points (canonical sample)
# One-sided z-tests of Pol.is's repness, 90 % confidence.
Z_90 = 1.2816
MAX_REPRESENTATIVE = 5
# Group-informed consensus: every group agrees (or disagrees) at this rate.
CONSENSUS_RATE = 0.6
LETTERS = "ABCDE"

AGREE = tuple(CODE_INDEX[c] for c in ("VG", "G"))
DISAGREE = tuple(CODE_INDEX[c] for c in ("R", "RR"))


@dataclass
class Representative:
    item: int
    direction: str  # "agree" or "disagree"
    rate: float  # in the group (smoothed)
    rate_outside: float


@dataclass
class OpinionGroup:
    id: int
    members: list[int]
    representative: list[Representative] = field(default_factory=list)

    @property
    def letter(self) -> str:
        return LETTERS[self.id]

    @property
    def size(self) -> int:
        return len(self.members)


@dataclass
class Consensus:
    item: int
    direction: str
    rate: float  # the lowest rate across groups


@dataclass
class Groups:
    labels: list[int | None]  # per participant: group id, or None
    groups: list[OpinionGroup]
    consensus: list[Consensus]
    reason: Message | None = None  # why there are no groups (French, translatable)


def opinion_groups(matrix: np.ndarray) -> Groups:
    n = matrix.shape[1]
    eligible = np.flatnonzero(is_opinion(matrix).sum(axis=0) >= MIN_OPINIONS)
    if len(eligible) < MIN_PARTICIPANTS:
        return Groups(
            [None] * n,
            [],
            [],
            Message(
                N_(
                    "Pas de groupes d'opinion : il faut au moins %(participants)d participants ayant donné "
                    "%(opinions)d avis ou plus (ici %(eligible)d)."
                ),
                participants=MIN_PARTICIPANTS,
                opinions=MIN_OPINIONS,
                eligible=len(eligible),
            ),
        )
    points = project(matrix[:, eligible].T, DIMENSIONS)
    labels = _best_partition(points)
    if labels is None:
        return Groups([None] * n, [], [], Message(N_("Pas de groupes d'opinion : les avis ne se distinguent pas.")))
    labels = _canonical_labels(labels, points)
    per_participant: list[int | None] = [None] * n
    for j, g in zip(eligible, labels):
        per_participant[int(j)] = int(g)
    groups = [OpinionGroup(g, [int(j) for j in eligible[labels == g]]) for g in range(int(labels.max()) + 1)]
    _add_repness(matrix, groups, eligible)
    return Groups(per_participant, groups, _consensus(matrix, groups))


def _best_partition(points: np.ndarray) -> np.ndarray | None:
    distinct = len(np.unique(points, axis=0))
    best: tuple[float, np.ndarray] | None = None
    sample = _silhouette_sample(points)
    distances = _distances(points[sample])
    for k in range(2, min(MAX_GROUPS, distinct, len(points) - 1) + 1):
        labels, _ = kmeans(points, k)
        sizes = np.unique(labels, return_counts=True)[1]
        if len(sizes) < 2 or sizes.min() < MIN_GROUP_SIZE:
            continue
        score = silhouette(points, labels, sample, distances)
        if best is None or score > best[0] + 1e-9:
            best = (score, labels)
    return None if best is None else best[1]


def _silhouette_sample(points: np.ndarray) -> np.ndarray:
    """Every point, or a canonical sample of SILHOUETTE_SAMPLE (the same for any order of the rows)."""
    if len(points) <= SILHOUETTE_SAMPLE:
        return np.arange(len(points))
    canonical = np.lexsort(points.T[::-1])
    return canonical[np.linspace(0, len(points) - 1, SILHOUETTE_SAMPLE).astype(int)]


def _distances(points: np.ndarray) -> np.ndarray:
    squared = (points**2).sum(axis=1)
    return np.sqrt(np.clip(squared[:, None] + squared[None, :] - 2 * points @ points.T, 0, None))


def silhouette(
    points: np.ndarray, labels: np.ndarray, sample: np.ndarray | None = None, distances: np.ndarray | None = None
) -> float:
    """Mean silhouette; on a canonical sample past SILHOUETTE_SAMPLE points.
    `sample` and `distances` (of the sampled points) may be given, to be
    computed once for every k."""
    if sample is None:
        sample = _silhouette_sample(points)
    if distances is None:
        distances = _distances(points[sample])
    points, labels = points[sample], labels[sample]
    clusters, own = np.unique(labels, return_inverse=True)
    sums = distances @ np.eye(len(clusters))[own]  # distance of each point to every cluster, summed
    sizes = np.bincount(own, minlength=len(clusters))
    own_size = sizes[own] - 1
    with np.errstate(invalid="ignore", divide="ignore"):
        a = np.where(own_size > 0, sums[np.arange(len(points)), own] / np.maximum(own_size, 1), 0.0)
        others = sums / sizes
    others[np.arange(len(points)), own] = np.inf
    b = others.min(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        s = np.where(own_size > 0, (b - a) / np.maximum(np.maximum(a, b), 1e-12), 0.0)
    return float(s.mean())


def _canonical_labels(labels: np.ndarray, points: np.ndarray) -> np.ndarray:
    """Largest group first (A), ties by position of the centre."""
    clusters = np.unique(labels)
    keys = [(-(labels == c).sum(), *np.round(points[labels == c].mean(axis=0), 8)) for c in clusters]
    rank = {int(clusters[i]): r for r, i in enumerate(sorted(range(len(clusters)), key=lambda i: keys[i]))}
    return np.array([rank[int(c)] for c in labels])


def _rates(matrix: np.ndarray, columns: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    cells = matrix[:, columns]
    return has_code(cells, AGREE).sum(axis=1), has_code(cells, DISAGREE).sum(axis=1), (cells != NOT_VOTED).sum(axis=1)


def _prop_z(successes: np.ndarray, n: np.ndarray) -> np.ndarray:
    """Pol.is's one-proportion test against one half."""
    return 2 * np.sqrt(n + 1) * ((successes + 1) / (n + 2) - 0.5)


def _two_prop_z(s1: np.ndarray, n1: np.ndarray, s2: np.ndarray, n2: np.ndarray) -> np.ndarray:
    p1, p2 = (s1 + 1) / (n1 + 2), (s2 + 1) / (n2 + 2)
    pooled = (s1 + s2 + 2) / (n1 + n2 + 4)
    spread = np.sqrt(pooled * (1 - pooled) * (1 / (n1 + 2) + 1 / (n2 + 2)))
    return (p1 - p2) / spread


def _add_repness(matrix: np.ndarray, groups: list[OpinionGroup], eligible: np.ndarray) -> None:
    """Pol.is's repness: an item represents a group when its agree (or
    disagree) rate is above one half and above the rate outside, both by
    one-sided z-tests at Z_90."""
    for group in groups:
        inside = np.array(group.members)
        outside = np.setdiff1d(eligible, inside)
        na, nd, ns = _rates(matrix, inside)
        oa, od, os_ = _rates(matrix, outside)
        candidates = []
        for direction, s, o in (("agree", na, oa), ("disagree", nd, od)):
            rate, rate_out = (s + 1) / (ns + 2), (o + 1) / (os_ + 2)
            z, z_out = _prop_z(s, ns), _two_prop_z(s, ns, o, os_)
            for i in np.flatnonzero((z > Z_90) & (z_out > Z_90)):
                score = rate[i] / rate_out[i] * z[i] * z_out[i] * rate[i]
                candidates.append(
                    (-score, int(i), Representative(int(i), direction, float(rate[i]), float(rate_out[i])))
                )
        candidates.sort(key=lambda c: (c[0], c[1]))
        group.representative = [c[2] for c in candidates[:MAX_REPRESENTATIVE]]


def _consensus(matrix: np.ndarray, groups: list[OpinionGroup]) -> list[Consensus]:
    """Group-informed consensus: items on which every group agrees (or every
    group disagrees) at CONSENSUS_RATE or more (smoothed rates)."""
    found = []
    stats = [_rates(matrix, np.array(g.members)) for g in groups]
    for direction, pick in (("agree", 0), ("disagree", 1)):
        lowest = np.min([(s[pick] + 1) / (s[2] + 2) for s in stats], axis=0)
        found += [Consensus(int(i), direction, float(lowest[i])) for i in np.flatnonzero(lowest >= CONSENSUS_RATE)]
    return sorted(found, key=lambda c: (-c.rate, c.item))
