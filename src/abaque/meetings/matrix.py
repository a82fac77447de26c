"""The matrix items × participants of a round, read from the database and
handed to the pure analysis."""

from dataclasses import dataclass, field

import numpy as np

from abaque.analysis import NOT_VOTED, Analysis, analyse
from abaque.analysis.matrix import CODE_INDEX

from .models import Participant, Round, RoundItem, Vote, letter_for


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
