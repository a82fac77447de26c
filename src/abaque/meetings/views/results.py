"""The results: the matrix items × participants in colour, with its analysis
and its orderings."""

from django.shortcuts import render

from abaque.analysis import VERDICT_LABELS

from ..access import get_meeting, get_round
from ..groups import group_context
from ..matrix import round_matrix
from ..models import Meeting
from ..rounds import sync_open_round

ORDERINGS = Meeting.Ordering


def ordered_matrix(meeting, round_, row_order: str, column_order: str, by_group: bool = False) -> dict:
    """Everything a results table shows, rows and columns already ordered.
    Shared by the facilitator's page, the projector and the report."""
    matrix = round_matrix(round_)
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
                "stats": stats,
                "verdict_label": VERDICT_LABELS[stats.verdict],
                "cells": [(labels[j], matrix.codes[i][j]) for j in columns],
            }
        )
    participants = [
        {"label": labels[j], "participant": matrix.participants[j], "stats": analysis.participants[j]} for j in columns
    ]
    return {"matrix": matrix, "analysis": analysis, "rows": rows, "participants": participants, **extra}


def _choice(value, default):
    return value if value in ORDERINGS.values else default


def results(request, meeting_id, number=None):
    meeting = get_meeting(request, meeting_id)
    sync_open_round(meeting)
    round_ = get_round(meeting, number) if number else meeting.current_round()
    row_order = _choice(request.GET.get("ordre"), meeting.ordering)
    column_order = _choice(request.GET.get("colonnes"), row_order)
    context = {
        "meeting": meeting,
        "tab": "results",
        "round": round_,
        "rounds": meeting.rounds.all(),
        "row_order": row_order,
        "column_order": column_order,
        "orderings": ORDERINGS.choices,
        **ordered_matrix(meeting, round_, row_order, column_order, by_group=True),
    }
    return render(request, "meetings/results.html", context)
