"""Everything the compte-rendu holds, gathered once from the database and
the analysis, so that the PDF, the ODT, the XLSX and the JSON tell the same
story. Documents only lay this out."""

from __future__ import annotations

from dataclasses import dataclass, field

from abaque import scale
from abaque.analysis import AGENDA_KIND_LABELS, Verdict, debate_agenda
from abaque.debate.models import Note, Recording
from abaque.meetings.matrix import participant_labels
from abaque.meetings.models import Meeting, Round
from abaque.meetings.views.results import ordered_matrix

from .evolution import round_evolution

# The matrices of each round, in the order the report shows them.
MATRIX_ORDERS: tuple[tuple[str, str], ...] = (
    ("entered", "Matrice brute (ordre de saisie)"),
    ("mean", "Matrice ordonnée par moyenne (du vert au rouge)"),
    ("seriation", "Matrice sériée (les semblables côte à côte)"),
)
CONSENSUS_VERDICTS = (Verdict.CONSENSUS_FOR, Verdict.CONSENSUS_AGAINST)


@dataclass
class MatrixView:
    order: str
    title: str
    table: dict  # ordered_matrix(), its rows numbered


@dataclass
class RoundReport:
    round: Round
    matrices: list[MatrixView]
    rows: list[dict]  # entered order: number, text, stats, verdict label

    @property
    def title(self) -> str:
        return f"Tour {self.round.number}"


@dataclass
class ItemOutcome:
    """An item as the séance left it: its last round's figures."""

    number: int
    text: str
    stats: object
    verdict_label: str
    round_number: int
    note: str = ""


@dataclass
class Report:
    meeting: Meeting
    facilitator_name: str
    participants: list[dict]
    rounds: list[RoundReport]
    outcomes: list[ItemOutcome]
    debated: list[dict]
    evolutions: list[dict]
    recordings: list[dict]
    levels: tuple = field(default=scale.LEVELS)

    @property
    def consensus(self) -> list[ItemOutcome]:
        return [o for o in self.outcomes if o.stats.verdict in CONSENSUS_VERDICTS]

    @property
    def is_dense(self) -> bool:
        """Smaller cells when a 40 × 40 matrix must fit a landscape page."""
        return len(self.participants) > 24 or len(self.outcomes) > 26


def build_report(meeting: Meeting) -> Report:
    rounds = [r for r in meeting.rounds.all() if r.votes.exists()]
    numbers = item_numbers(meeting, rounds)
    notes = dict(Note.objects.filter(meeting=meeting).exclude(text="").values_list("item_id", "text"))
    round_reports = [_round_report(meeting, r, numbers) for r in rounds]
    outcomes = _outcomes(round_reports, notes)
    return Report(
        meeting=meeting,
        facilitator_name=meeting.facilitator.first_name or meeting.facilitator.username,
        participants=_participants(meeting),
        rounds=round_reports,
        outcomes=outcomes,
        debated=_debated(round_reports[:1], outcomes, notes),
        evolutions=[round_evolution(meeting, a, b, numbers) for a, b in zip(rounds, rounds[1:])],
        recordings=_recordings(meeting, numbers),
    )


def item_numbers(meeting: Meeting, rounds: list[Round]) -> dict[int, int]:
    """Item id → its number in the report: the first round's order, then
    items only voted later, then items never voted."""
    numbers: dict[int, int] = {}
    ids = [ri.item_id for r in rounds for ri in r.round_items.all()]
    ids += list(meeting.active_items().values_list("pk", flat=True))
    for item_id in ids:
        numbers.setdefault(item_id, len(numbers) + 1)
    return numbers


def _participants(meeting: Meeting) -> list[dict]:
    """Labels as in the matrices; names only when the séance is not anonymous."""
    participants = list(meeting.participants.all())
    labels = participant_labels(meeting, participants)
    return [
        {
            "label": label,
            "name": "" if meeting.is_anonymous else p.name,
            "category": p.get_category_display(),
            "participant": p,
        }
        for label, p in zip(labels, participants)
    ]


def _round_report(meeting: Meeting, round_: Round, numbers: dict[int, int]) -> RoundReport:
    matrices = []
    for order, title in MATRIX_ORDERS:
        table = ordered_matrix(meeting, round_, order, order)
        for row in table["rows"]:
            row["number"] = numbers[row["entry"].item_id]
        matrices.append(MatrixView(order, title, table))
    return RoundReport(round_, matrices, matrices[0].table["rows"])


def _outcomes(round_reports: list[RoundReport], notes: dict[int, str]) -> list[ItemOutcome]:
    latest: dict[int, ItemOutcome] = {}
    for report in round_reports:  # later rounds overwrite earlier ones
        for row in report.rows:
            item_id = row["entry"].item_id
            latest[item_id] = ItemOutcome(
                row["number"], row["entry"].text, row["stats"], row["verdict_label"],
                report.round.number, notes.get(item_id, ""),
            )
    return sorted(latest.values(), key=lambda o: o.number)


def _debated(first: list[RoundReport], outcomes: list[ItemOutcome], notes: dict[int, str]) -> list[dict]:
    """The debate agenda of the first round (dissensus, then minority
    positions), each with its notes; then any other item that has notes."""
    if not first:
        return []
    rows = first[0].rows
    labels = [p["label"] for p in first[0].matrices[0].table["participants"]]  # entered order
    by_number = {o.number: o for o in outcomes}
    debated = []
    for entry in debate_agenda(first[0].matrices[0].table["analysis"], first[0].round.meeting.scale_width):
        row = rows[entry.item]
        debated.append(_debated_item(row, AGENDA_KIND_LABELS[entry.kind], [labels[j] for j in entry.dissenters], by_number))
    listed = {d["number"] for d in debated}
    debated += [
        _debated_item(row, "Autre item débattu", [], by_number)
        for row in rows
        if row["number"] not in listed and notes.get(row["entry"].item_id)
    ]
    return debated


def _debated_item(row: dict, kind: str, invited: list[str], by_number: dict[int, ItemOutcome]) -> dict:
    outcome = by_number[row["number"]]
    return {
        "number": row["number"],
        "text": row["entry"].text,
        "kind": kind,
        "stats": row["stats"],
        "verdict_label": row["verdict_label"],
        "invited": invited,
        "note": outcome.note,
        "outcome": outcome if outcome.round_number > 1 else None,
    }


def _recordings(meeting: Meeting, numbers: dict[int, int]) -> list[dict]:
    return [
        {
            "number": numbers.get(rec.item_id),
            "text": rec.item.text if rec.item else "",
            "duration": format_duration(rec.duration_seconds),
            "created_at": rec.created_at,
        }
        for rec in Recording.objects.filter(meeting=meeting).select_related("item")
    ]


def format_duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds or 0), 60)
    return f"{minutes} min {secs:02d} s"
