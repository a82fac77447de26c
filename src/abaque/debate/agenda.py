"""The debate agenda of a séance: the items of the latest closed round, from
the strongest dissensus to the weakest, then the minority positions, in the
facilitator's own order once they have moved an item."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from abaque.analysis import AGENDA_KIND_LABELS, ItemStats, debate_agenda, encode
from abaque.analysis.stats import item_stats
from abaque.meetings.matrix import RoundMatrix, round_matrix
from abaque.meetings.models import Item, Round
from abaque.meetings.numbering import item_numbers

from .models import AgendaPosition


@dataclass
class AgendaLine:
    item: Item
    kind: str  # an abaque.analysis.AgendaKind constant
    score: float
    stats: ItemStats
    voices: list[str]  # who is invited to speak; empty in anonymous mode
    n_invited: int
    number: int  # the item's number in the séance (meetings.numbering)

    @property
    def kind_label(self) -> str:
        return AGENDA_KIND_LABELS[self.kind]


def latest_closed_round(meeting, item=None) -> Round | None:
    """The round the debate reads its figures from: the last one closed
    (that voted on `item`, when given)."""
    rounds = meeting.rounds.filter(status=Round.Status.CLOSED)
    if item is not None:
        rounds = rounds.filter(round_items__item=item)
    return rounds.order_by("-number").first()


def item_figures(matrix: RoundMatrix) -> list[ItemStats]:
    """Per item figures only: the debate needs no ordering, and the
    seriation is the costly part of a full analysis."""
    return item_stats(encode(matrix.codes), matrix.round.meeting.scale_width)


def computed_agenda(matrix: RoundMatrix) -> list[AgendaLine]:
    """The agenda as the votes give it (abaque.analysis.debate_agenda)."""
    meeting = matrix.round.meeting
    stats = item_figures(matrix)
    labels = [] if meeting.is_anonymous else matrix.participant_labels()
    numbers = item_numbers(meeting)
    return [
        AgendaLine(
            item=matrix.items[entry.item].item,
            kind=entry.kind,
            score=entry.score,
            stats=stats[entry.item],
            voices=[labels[j] for j in entry.dissenters] if labels else [],
            n_invited=len(entry.dissenters),
            number=numbers[matrix.items[entry.item].item_id],
        )
        for entry in debate_agenda(encode(matrix.codes), width=meeting.scale_width)
    ]


def agenda(meeting, matrix: RoundMatrix | None = None) -> list[AgendaLine]:
    """The computed agenda, reordered by the positions the facilitator set;
    items they never placed follow, in computed order."""
    if matrix is None:
        round_ = latest_closed_round(meeting)
        if round_ is None:
            return []
        matrix = round_matrix(round_)
    lines = [line for line in computed_agenda(matrix) if line.item.deleted_at is None]
    placed = dict(AgendaPosition.objects.filter(meeting=meeting).values_list("item_id", "position"))
    unplaced = max(placed.values(), default=0) + 1
    return sorted(lines, key=lambda line: placed.get(line.item.pk, unplaced))  # stable sort


@transaction.atomic
def move(meeting, item_id: int, step: int) -> bool:
    """Move an item of the agenda up (step -1) or down (+1); False when it
    is not on the agenda or already at that end."""
    order = [line.item.pk for line in agenda(meeting)]
    if item_id not in order:
        return False
    index = order.index(item_id)
    target = index + step
    if not 0 <= target < len(order):
        return False
    order[index], order[target] = order[target], order[index]
    AgendaPosition.objects.filter(meeting=meeting).delete()
    AgendaPosition.objects.bulk_create(
        AgendaPosition(meeting=meeting, item_id=pk, position=i) for i, pk in enumerate(order, start=1)
    )
    return True
