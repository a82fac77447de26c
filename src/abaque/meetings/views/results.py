"""The results: the matrix items × participants in colour, with its analysis
and its orderings."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import render

from abaque.analysis import VERDICT_LABELS
from abaque.templatetags.abaque import cell_rows

from ..access import get_meeting, get_round
from ..groups import group_context
from ..matrix import round_matrix
from ..models import Meeting, Participant
from ..numbering import item_numbers
from ..rounds import sync_open_round

ORDERINGS = Meeting.Ordering


def ordered_matrix(
    meeting,
    round_,
    row_order: str,
    column_order: str,
    by_group: bool = False,
    numbers: dict[int, int] | None = None,
    origin: str | None = None,
) -> dict:
    """Everything a results table shows, rows and columns already ordered,
    each row with its item's number in the séance (`numbers`, computed when
    not given). Shared by the facilitator's page, the projector and the report.
    `origin`: one origin of participants only (« en salle », « en ligne »)."""
    if numbers is None:
        numbers = item_numbers(meeting)
    matrix = round_matrix(round_, origin)
    analysis = matrix.analyse()
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
                "verdict_label": VERDICT_LABELS[stats.verdict],
                "cells": [(labels[j], matrix.codes[i][j]) for j in columns],
            }
        )
    participants = [
        {"label": labels[j], "participant": matrix.participants[j], "stats": analysis.participants[j]} for j in columns
    ]
    return {"matrix": matrix, "analysis": analysis, "rows": rows, "participants": participants, **extra}


def origin_choice(request) -> str | None:
    """?origine=room|online, or everyone."""
    value = request.GET.get("origine")
    return value if value in Participant.Origin.values else None


def origin_counts(meeting) -> list[tuple[str, int]]:
    """How many took part each way: [(« En salle », n), (« En ligne », m)]."""
    counts = dict(meeting.participants.values_list("origin").annotate(n=Count("id")))
    return [(label, counts.get(value, 0)) for value, label in Participant.Origin.choices]


def _choice(value, default):
    return value if value in ORDERINGS.values else default


@login_required
def results(request, meeting_id, number=None):
    meeting = get_meeting(request, meeting_id)
    sync_open_round(meeting)
    round_ = get_round(meeting, number) if number else meeting.current_round()
    row_order = _choice(request.GET.get("ordre"), meeting.ordering)
    column_order = _choice(request.GET.get("colonnes"), row_order)
    origin = origin_choice(request)
    context = {
        "meeting": meeting,
        "tab": "results",
        "round": round_,
        "rounds": meeting.rounds.all(),
        "row_order": row_order,
        "column_order": column_order,
        "orderings": ORDERINGS.choices,
        "origin": origin or "",
        "origins": Participant.Origin.choices,
        "origin_counts": origin_counts(meeting),
        **ordered_matrix(meeting, round_, row_order, column_order, by_group=True, origin=origin),
    }
    labels = [p["label"] for p in context["participants"]]
    rows = context["rows"]
    for row, html in zip(rows, cell_rows(([code for _, code in row["cells"]] for row in rows), labels)):
        row["cells_html"] = html
    return render(request, "meetings/results.html", context)
