"""The matrix items × participants of a round, read from the database and
handed to the pure analysis."""

from dataclasses import dataclass, field

import numpy as np
from django.db.models import Count

from abaque.analysis import NOT_VOTED, Analysis, analyse
from abaque.analysis.matrix import CODE_INDEX
from abaque.wording import verdict_label

from .groups import group_context
from .models import Participant, Round, RoundItem, Vote, letter_for
from .numbering import item_numbers


@dataclass
class RoundMatrix:
    round: Round
    items: list[RoundItem]
    participants: list[Participant]
    codes: list[list[str | None]]  # codes[i][j]: item i, participant j
    encoded: np.ndarray | None = field(default=None, repr=False)  # the same, as the analysis reads it

    def analyse(self) -> Analysis:
        return analyse(self.codes if self.encoded is None else self.encoded, width=self.round.meeting.scale_width)

    def participant_labels(self) -> list[str]:
        return participant_labels(self.round.meeting, self.participants)


def participant_labels(meeting, participants) -> list[str]:
    return labels_for(meeting, [p.name for p in participants])


def labels_for(meeting, names: list[str]) -> list[str]:
    """Names, or letters A, B, C… in anonymous mode or when asked for."""
    if meeting.shows_letters:
        return [letter_for(i) for i in range(len(names))]
    return list(names)


def round_matrix(round_: Round, origin: str | None = None) -> RoundMatrix:
    """`origin`: only the participants of the room, or only those online
    (Participant.Origin); None for everyone, in one matrix."""
    items = list(round_.round_items.select_related("item"))
    participants = round_.meeting.participants.all()
    if origin:
        participants = participants.filter(origin=origin)
    participants = list(participants)
    row = {ri.item_id: i for i, ri in enumerate(items)}
    col = {p.pk: j for j, p in enumerate(participants)}
    codes: list[list[str | None]] = [[None] * len(participants) for _ in items]
    encoded = np.full((len(items), len(participants)), NOT_VOTED, dtype=np.int8)
    for item_id, participant_id, code in Vote.objects.filter(round=round_).values_list(
        "item_id", "participant_id", "code"
    ):
        if item_id in row and participant_id in col and code in CODE_INDEX:
            i, j = row[item_id], col[participant_id]
            codes[i][j] = code
            encoded[i, j] = CODE_INDEX[code]
    return RoundMatrix(round_, items, participants, codes, encoded)


def ordered_matrix(
    meeting,
    round_: Round,
    row_order: str,
    column_order: str,
    by_group: bool = False,
    numbers: dict[int, int] | None = None,
    origin: str | None = None,
    matrix: RoundMatrix | None = None,
    analysis: Analysis | None = None,
    cells: bool = True,
) -> dict:
    """Everything a results table shows, rows and columns already ordered,
    each row with its item's number in the séance (`numbers`, computed when
    not given). Shared by the facilitator's page, the projector and the report;
    pass the round's `matrix` and `analysis` to order them again without
    reading or analysing anew. Each call makes new rows: callers may keep them.
    `origin`: one origin of participants only (« en salle », « en ligne »).
    `cells=False`: rows without their (label, code) cells, for a caller that
    renders them from `matrix.encoded` in the order of `columns`."""
    if numbers is None:
        numbers = item_numbers(meeting)
    matrix = matrix or round_matrix(round_, origin)
    analysis = analysis or matrix.analyse()
    labels = matrix.participant_labels()
    columns = analysis.participant_orders[column_order]
    extra = {}
    if by_group:
        extra = group_context(analysis, matrix.items, labels, columns)
        columns = extra["group_columns"]
    rows = []
    for i in analysis.item_orders[row_order]:
        stats = analysis.items[i]
        rows.append(
            {
                "index": i,
                "entry": matrix.items[i],
                "number": numbers[matrix.items[i].item_id],
                "stats": stats,
                "verdict_label": verdict_label(stats.verdict),
            }
        )
        if cells:
            rows[-1]["cells"] = [(labels[j], matrix.codes[i][j]) for j in columns]
    participants = [
        {"label": labels[j], "participant": matrix.participants[j], "stats": analysis.participants[j]} for j in columns
    ]
    return {
        "matrix": matrix,
        "analysis": analysis,
        "rows": rows,
        "participants": participants,
        "columns": columns,
        **extra,
    }


def origin_counts(meeting) -> list[tuple[str, int]]:
    """How many took part each way: [(« En salle », n), (« En ligne », m)]."""
    counts = dict(meeting.participants.values_list("origin").annotate(n=Count("id")))
    return [(label, counts.get(value, 0)) for value, label in Participant.Origin.choices]
