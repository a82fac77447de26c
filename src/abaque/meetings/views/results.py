"""The results: the matrix items × participants in colour, with its analysis
and its orderings."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from ..access import get_meeting, get_round
from ..matrix import ordered_matrix
from ..models import Meeting
from ..rounds import sync_open_round

ORDERINGS = Meeting.Ordering


def _choice(value, default):
    return value if value in ORDERINGS.values else default


@login_required
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
