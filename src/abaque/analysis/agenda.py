"""The debate agenda: where the discussion starts, and who is asked to speak.

Booklet: « le débat s'organise en commençant par l'expression des
participants sur les points de discordance. Les personnes ayant voté rouge
ou noir sont invitées à s'exprimer. »
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .consensus import STANDARD_WIDTH
from .matrix import Rows, as_encoded
from .stats import ItemStats, item_stats
from .summary import Analysis
from .text import N_
from .verdict import Verdict


class AgendaKind:
    DISSENSUS = "dissensus"
    MINORITY = "minority"
    TOO_FEW = "too_few"


AGENDA_KIND_LABELS: dict[str, str] = {
    AgendaKind.DISSENSUS: N_("Dissensus"),
    AgendaKind.MINORITY: N_("Position minoritaire"),
    AgendaKind.TOO_FEW: N_("Trop peu d'avis"),
}


@dataclass
class AgendaEntry:
    item: int
    kind: str  # an AgendaKind constant
    # dissensus: 1 - consensus (Tastle & Wierman's dissention);
    # otherwise: share of the votes cast that come from `dissenters`.
    score: float
    dissenters: list[int]  # the participants invited to speak


def debate_agenda(analysis_or_encoded: Analysis | Rows | np.ndarray, width: int = STANDARD_WIDTH) -> list[AgendaEntry]:
    """Dissensus items first, strongest first; then minority positions, the
    most voices first; then items with too few opinions but some red or
    black votes. Items with a consensus and no minority are left out.

    On a consensus against, the minority is who voted green (VG, G): the
    reds are the group there. Elsewhere it is who voted R, RR or B.
    """
    items = _items_of(analysis_or_encoded, width)
    dissensus = [_dissensus(i, s) for i, s in enumerate(items) if s.verdict == Verdict.DISSENSUS]
    minority = [_share(i, s, AgendaKind.MINORITY, _minority(s)) for i, s in enumerate(items)]
    too_few = [
        _share(i, s, AgendaKind.TOO_FEW, s.dissenters) for i, s in enumerate(items) if s.verdict == Verdict.TOO_FEW
    ]
    return (
        sorted(dissensus, key=lambda e: -e.score)
        + sorted((e for e in minority if e.dissenters), key=lambda e: -len(e.dissenters))
        + sorted((e for e in too_few if e.dissenters), key=lambda e: -len(e.dissenters))
    )


def _items_of(source: Analysis | Rows | np.ndarray, width: int) -> list[ItemStats]:
    return source.items if isinstance(source, Analysis) else item_stats(as_encoded(source), width)


def _minority(stats: ItemStats) -> list[int]:
    if stats.verdict == Verdict.CONSENSUS_AGAINST:
        return stats.supporters
    if stats.verdict in (Verdict.CONSENSUS_FOR, Verdict.MITIGATED):
        return stats.dissenters
    return []


def _dissensus(item: int, stats: ItemStats) -> AgendaEntry:
    return AgendaEntry(item, AgendaKind.DISSENSUS, 1 - (stats.consensus or 0.0), stats.dissenters)


def _share(item: int, stats: ItemStats, kind: str, voices: list[int]) -> AgendaEntry:
    return AgendaEntry(item, kind, len(voices) / max(stats.n_voted, 1), voices)
