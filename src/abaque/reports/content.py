"""Everything the compte-rendu holds, gathered once from the database and
the analysis, so that the PDF, the ODT, the XLSX and the JSON tell the same
story. Documents only lay this out."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from abaque import scale
from abaque.analysis import AGENDA_KIND_LABELS, Analysis, Verdict, debate_agenda
from abaque.analysis.stats import ItemStats
from abaque.debate.evolution import evolution
from abaque.debate.models import Note, Recording
from abaque.meetings.ballots import shown_categories
from abaque.meetings.groups import group_context
from abaque.meetings.language import in_meeting_language
from abaque.meetings.matrix import RoundMatrix, ordered_matrix, origin_counts, participant_labels, round_matrix
from abaque.meetings.models import Meeting, Participant, Round, RoundItem
from abaque.meetings.numbering import item_numbers
from abaque.templatetags.abaque import pct

# The matrices of each round, in the order the report shows them.
MATRIX_ORDERS: tuple[tuple[str, str | Promise], ...] = (
    ("entered", gettext_lazy("Matrice brute (ordre de saisie)")),
    ("mean", gettext_lazy("Matrice ordonnée par moyenne (du vert au rouge)")),
    ("seriation", gettext_lazy("Matrice sériée (les semblables côte à côte)")),
)
CONSENSUS_VERDICTS = (Verdict.CONSENSUS_FOR, Verdict.CONSENSUS_AGAINST)


@dataclass(frozen=True)
class MatrixRow:
    """A row of a printed matrix: the item, its number in the report, its
    figures, and its cells (participant label, code) in the columns' order."""

    number: int
    entry: RoundItem
    stats: ItemStats
    verdict_label: str
    cells: list[tuple[str, str | None]]


@dataclass(frozen=True)
class MatrixColumn:
    label: str
    participant: Participant


@dataclass
class MatrixView:
    order: str
    title: str
    rows: list[MatrixRow]
    participants: list[MatrixColumn]


@dataclass
class ItemOutcome:
    """An item's figures in a round; in Report.outcomes, its last round's."""

    item_id: int
    number: int
    text: str
    stats: ItemStats
    verdict_label: str
    round_number: int
    note: str = ""


@dataclass(frozen=True)
class GroupStyle:
    """How a group shows: its letter, its symbol (for black and white print), its colour."""

    letter: str
    symbol: str
    colour: str


@dataclass(frozen=True)
class GroupItem:
    """An item that characterises a group: most of the group agrees (or
    disagrees), at `rate`, against `rate_outside` among the others."""

    text: str
    direction: str
    rate: float
    rate_outside: float


@dataclass(frozen=True)
class OpinionGroup:
    style: GroupStyle
    size: int
    members: list[str]  # participant labels, as in the matrices
    representative: list[GroupItem]
    analysed_members: list[int]  # column indexes in the round's matrix


@dataclass(frozen=True)
class GroupConsensus:
    """An item on which every group leans the same way."""

    text: str
    direction: str


@dataclass(frozen=True)
class RoundGroups:
    """« Groupes d'opinion » of a round, or why there are none."""

    groups: list[OpinionGroup]
    consensus: list[GroupConsensus]
    reason: str | None = None  # when there are no groups


@dataclass
class RoundReport:
    round: Round
    matrix: RoundMatrix
    analysis: Analysis  # made once per round; every matrix and list reads it
    matrices: list[MatrixView]
    items: list[ItemOutcome]  # entered order
    groups: RoundGroups | None = None

    @property
    def title(self) -> str:
        return _("Tour %(n)s") % {"n": self.round.number}


@dataclass(frozen=True)
class ReportParticipant:
    label: str
    name: str  # empty when the séance is anonymous
    category: str
    participant: Participant


@dataclass(frozen=True)
class DebatedItem:
    item: ItemOutcome
    kind: str
    invited: list[str]
    note: str
    outcome: ItemOutcome | None  # its later round, if voted again


@dataclass(frozen=True)
class VoteMove:
    """A participant who changed colour between two rounds."""

    label: str
    level_from: scale.Level
    level_to: scale.Level


@dataclass(frozen=True)
class MoveGroup:
    """The participants who went from one same colour to one same other."""

    level_from: scale.Level
    level_to: scale.Level
    labels: list[str]


@dataclass(frozen=True)
class EvolutionItem:
    """An item voted in both rounds: wording, verdict and consensus before and after."""

    number: int
    text_before: str
    text_after: str
    verdict_before_label: str
    verdict_after_label: str
    consensus_before: float | None
    consensus_after: float | None
    moves: list[VoteMove]

    @property
    def reworded(self) -> bool:
        return self.text_before != self.text_after

    @property
    def move_groups(self) -> list[MoveGroup]:
        """The moves gathered by change of colour, in the scale's order: « − → + :
        A, C » reads quicker than one line per participant (and prints faster)."""
        groups: dict[tuple[str, str], list[str]] = {}
        for move in self.moves:
            groups.setdefault((move.level_from.code, move.level_to.code), []).append(move.label)
        order = {lv.code: i for i, lv in enumerate(scale.LEVELS)}
        return [
            MoveGroup(scale.BY_CODE[a], scale.BY_CODE[b], labels)
            for (a, b), labels in sorted(groups.items(), key=lambda g: (order[g[0][0]], order[g[0][1]]))
        ]


@dataclass(frozen=True)
class Evolution:
    before: Round
    after: Round
    items: list[EvolutionItem]  # numbered as in the rest of the report


@dataclass(frozen=True)
class RecordingLine:
    number: int | None
    text: str
    duration: str
    created_at: datetime


@dataclass
class Report:
    meeting: Meeting
    facilitator_name: str
    participants: list[ReportParticipant]
    rounds: list[RoundReport]
    outcomes: list[ItemOutcome]
    debated: list[DebatedItem]
    evolutions: list[Evolution]
    recordings: list[RecordingLine]
    numbers: dict[int, int]  # item id → its number in the séance (meetings.numbering)
    levels: tuple[scale.Level, ...] = field(default=scale.LEVELS)
    language: str = "fr"  # the séance's: every document of the report is written in it
    origin: str | None = None  # only « en salle » or « en ligne »; None: everyone
    origin_counts: list[tuple[str, int]] = field(default_factory=list)  # [(« En salle », n), (« En ligne », m)]

    @property
    def origin_label(self) -> str:
        return dict(Participant.Origin.choices).get(self.origin or "", "")

    @property
    def consensus(self) -> list[ItemOutcome]:
        return [o for o in self.outcomes if o.stats.verdict in CONSENSUS_VERDICTS]

    @property
    def is_dense(self) -> bool:
        """Smaller cells when a 40 × 40 matrix must fit a landscape page."""
        return len(self.participants) > 24 or len(self.outcomes) > 26

    @property
    def matrix_text_chars(self) -> int:
        """Item texts are cut in the matrix; the per-item table has them whole."""
        return 48 if self.is_dense else 70


def build_report(meeting: Meeting, origin: str | None = None) -> Report:
    """`origin`: a report of the room only, or of the online participants
    only (Participant.Origin); it still says how many took part each way.
    Its texts (verdicts, kinds, titles) in the séance's language."""
    with in_meeting_language(meeting):
        return _build_report(meeting, origin)


def _build_report(meeting: Meeting, origin: str | None) -> Report:
    rounds = [r for r in meeting.rounds.all() if r.votes.exists()]
    numbers = item_numbers(meeting)
    notes = dict(Note.objects.filter(meeting=meeting).exclude(text="").values_list("item_id", "text"))
    round_reports = [_round_report(meeting, r, numbers, origin) for r in rounds]
    outcomes = _outcomes(round_reports, notes)
    return Report(
        meeting=meeting,
        facilitator_name=meeting.facilitator.first_name or meeting.facilitator.username,
        participants=_participants(meeting, origin),
        rounds=round_reports,
        outcomes=outcomes,
        debated=_debated(round_reports[0], outcomes) if round_reports else [],
        evolutions=[_evolution(meeting, a, b, numbers) for a, b in zip(rounds, rounds[1:])],
        recordings=_recordings(meeting, numbers),
        numbers=numbers,
        origin=origin,
        origin_counts=[(str(label), n) for label, n in origin_counts(meeting)],
        language=get_language(),
    )


def _participants(meeting: Meeting, origin: str | None = None) -> list[ReportParticipant]:
    """Labels as in the matrices; names only when the séance is not anonymous."""
    participants = list(meeting.participants.filter(origin=origin) if origin else meeting.participants.all())
    labels = participant_labels(meeting, participants)
    categories = shown_categories(meeting, participants)
    return [
        ReportParticipant(label, "" if meeting.is_anonymous else p.name, categories[p.pk], p)
        for label, p in zip(labels, participants)
    ]


def _round_report(meeting: Meeting, round_: Round, numbers: dict[int, int], origin=None) -> RoundReport:
    """The round read and analysed once; its three orderings from that analysis."""
    matrix = round_matrix(round_, origin)
    analysis = matrix.analyse()
    matrices = [
        _matrix_view(
            order,
            str(title),
            ordered_matrix(meeting, round_, order, order, numbers=numbers, matrix=matrix, analysis=analysis),
            numbers,
        )
        for order, title in MATRIX_ORDERS
    ]
    items = [
        ItemOutcome(row.entry.item_id, row.number, row.entry.text, row.stats, row.verdict_label, round_.number)
        for row in matrices[0].rows
    ]
    return RoundReport(round_, matrix, analysis, matrices, items, round_groups(matrix, analysis))


def _matrix_view(order: str, title: str, table: dict[str, Any], numbers: dict[int, int]) -> MatrixView:
    rows = [
        MatrixRow(numbers[r["entry"].item_id], r["entry"], r["stats"], _(str(r["verdict_label"])), r["cells"])
        for r in table["rows"]
    ]
    columns = [MatrixColumn(p["label"], p["participant"]) for p in table["participants"]]
    return MatrixView(order, title, rows, columns)


def round_groups(matrix: RoundMatrix, analysis: Analysis) -> RoundGroups:
    """The opinion groups of a round, from the analysis its matrices share
    (as meetings.groups lays them out for the pages)."""
    shown = group_context(analysis, matrix.items, matrix.participant_labels(), list(range(len(matrix.participants))))
    groups = [
        OpinionGroup(
            GroupStyle(g["style"]["letter"], g["style"]["symbol"], g["style"]["colour"]),
            g["size"],
            list(g["members"]),
            [GroupItem(r["text"], str(r["direction"]), r["rate"], r["rate_outside"]) for r in g["representative"]],
            list(found.members),
        )
        for g, found in zip(shown["groups"], analysis.groups.groups)
    ]
    consensus = [GroupConsensus(c["text"], str(c["direction"])) for c in shown.get("group_consensus", [])]
    reason = shown.get("groups_reason")
    return RoundGroups(groups, consensus, None if reason is None else _(str(reason)))


def group_header() -> list[str]:
    return [_("Groupe"), _("Taille"), _("Membres"), _("Ce qui le caractérise")]


def group_item_text(item: GroupItem) -> str:
    """« d'accord (88 % contre 12 % ailleurs) : the item »."""
    return _("%(direction)s (%(rate)s contre %(outside)s ailleurs) : %(text)s") % {
        "direction": item.direction,
        "rate": pct(item.rate),
        "outside": pct(item.rate_outside),
        "text": item.text,
    }


def group_rows(groups: RoundGroups) -> list[list]:
    """The PDF's groups table as rows of plain values, for XLSX and ODT."""
    return [
        [
            f"{g.style.symbol} {g.style.letter}",
            g.size,
            ", ".join(g.members),
            "\n".join(group_item_text(r) for r in g.representative) or _("aucun item ne le distingue nettement"),
        ]
        for g in groups.groups
    ]


def group_consensus_text(consensus: GroupConsensus) -> str:
    return _("Tous les groupes, %(direction)s : %(text)s") % {"direction": consensus.direction, "text": consensus.text}


def group_consensus_lines(groups: RoundGroups) -> list[str]:
    return [group_consensus_text(c) for c in groups.consensus]


def _outcomes(round_reports: list[RoundReport], notes: dict[int, str]) -> list[ItemOutcome]:
    """Each item's last round, later rounds overwriting earlier ones."""
    latest = {item.item_id: item for report in round_reports for item in report.items}
    return [replace(item, note=notes.get(item.item_id, "")) for item in sorted(latest.values(), key=lambda o: o.number)]


def _debated(first: RoundReport, outcomes: list[ItemOutcome]) -> list[DebatedItem]:
    """The debate agenda of the first round (dissensus, then minority
    positions), each with its notes; then any other item that has notes."""
    items = first.items
    labels = [p.label for p in first.matrices[0].participants]  # entered order
    last = {o.item_id: o for o in outcomes}
    debated = [
        _debated_item(items[e.item], _(AGENDA_KIND_LABELS[e.kind]), [labels[j] for j in e.dissenters], last)
        for e in debate_agenda(first.analysis, first.round.meeting.scale_width)
    ]
    listed = {d.item.item_id for d in debated}
    return debated + [
        _debated_item(item, _("Autre item débattu"), [], last)
        for item in items
        if item.item_id not in listed and last[item.item_id].note
    ]


def _debated_item(item: ItemOutcome, kind: str, invited: list[str], last: dict[int, ItemOutcome]) -> DebatedItem:
    outcome = last[item.item_id]
    return DebatedItem(item, kind, invited, outcome.note, outcome if outcome.round_number > item.round_number else None)


def _evolution(meeting: Meeting, before: Round, after: Round, numbers: dict[int, int]) -> Evolution:
    """The debate app's comparison of two rounds, items numbered as here."""
    items = [
        EvolutionItem(
            number=numbers[entry["item"].pk],
            text_before=entry["text_before"],
            text_after=entry["text_after"],
            verdict_before_label=_(str(entry["verdict_before_label"])),
            verdict_after_label=_(str(entry["verdict_after_label"])),
            consensus_before=entry["consensus_before"],
            consensus_after=entry["consensus_after"],
            moves=[VoteMove(m["label"], m["level_from"], m["level_to"]) for m in entry["moves"]],
        )
        for entry in evolution(meeting, before, after)
    ]
    return Evolution(before, after, sorted(items, key=lambda e: e.number))


def _recordings(meeting: Meeting, numbers: dict[int, int]) -> list[RecordingLine]:
    return [
        RecordingLine(
            numbers.get(rec.item_id) if rec.item_id else None,
            rec.item.text if rec.item else "",
            format_duration(rec.duration_seconds),
            rec.created_at,
        )
        for rec in Recording.objects.filter(meeting=meeting).select_related("item")
    ]


def participant_keys(report: Report) -> dict[int, str]:
    """Participant id → letter, or number: short column headers."""
    return {
        p.participant.pk: p.label if report.meeting.shows_letters else str(n)
        for n, p in enumerate(report.participants, 1)
    }


def counts_text(counts: dict[str, int]) -> str:
    """« ++ 3 · + 2 · ∅ 1 »: a distribution that reads in black and white."""
    return " · ".join(f"{lv.symbol} {counts[lv.code]}" for lv in scale.LEVELS if counts.get(lv.code))


def format_duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds or 0), 60)
    return _("%(minutes)d min %(seconds)02d s") % {"minutes": minutes, "seconds": secs}
