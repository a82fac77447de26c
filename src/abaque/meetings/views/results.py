"""The results: the matrix items × participants in colour, with its analysis
and its orderings."""

from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from abaque import scale
from abaque.templatetags.abaque import cell_rows

from ..access import get_meeting, get_round
from ..matrix import ordered_matrix, origin_counts
from ..models import Meeting, Participant
from ..rounds import sync_open_round

ORDERINGS = Meeting.Ordering


def origin_choice(request) -> str | None:
    """?origine=room|online, or everyone."""
    value = request.GET.get("origine")
    return value if value in Participant.Origin.values else None


def _choice(value, default):
    return value if value in ORDERINGS.values else default


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
        **ordered_matrix(meeting, round_, row_order, column_order, by_group=True, origin=origin, cells=False),
    }
    rows, encoded = context["rows"], context["matrix"].encoded
    if rows:
        for row, html in zip(rows, cell_rows(encoded[[row["index"] for row in rows]][:, context["columns"]])):
            row["cells_html"] = html
    # Read by results.js to show a cell's level on demand, in the page's language.
    context["cell_levels"] = {"": _("pas de vote"), **{lv.code: lv.label_in(get_language()) for lv in scale.LEVELS}}
    return render(request, "meetings/results.html", context)
