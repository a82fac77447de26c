"""Pure analysis of a Régnier abacus matrix (numpy and scipy, no Django).

Input: items × participants codes from `abaque.scale`, some cells empty.
"""

from .agenda import AGENDA_KIND_LABELS, AgendaEntry, AgendaKind, debate_agenda
from .consensus import STANDARD_WIDTH, consensus
from .matrix import NOT_VOTED, encode
from .ordering import ORDERS, order_items, order_participants, seriate
from .rounds import ItemEvolution, Move, compare_rounds
from .stats import ItemStats, ParticipantStats
from .summary import Analysis, analyse
from .verdict import VERDICT_LABELS, Verdict, verdict_of

__all__ = [
    "AGENDA_KIND_LABELS",
    "NOT_VOTED",
    "ORDERS",
    "STANDARD_WIDTH",
    "VERDICT_LABELS",
    "AgendaEntry",
    "AgendaKind",
    "Analysis",
    "ItemEvolution",
    "ItemStats",
    "Move",
    "ParticipantStats",
    "Verdict",
    "analyse",
    "compare_rounds",
    "consensus",
    "debate_agenda",
    "encode",
    "order_items",
    "order_participants",
    "seriate",
    "verdict_of",
]
