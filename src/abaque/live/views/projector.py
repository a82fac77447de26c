"""The projector: a second window on the wall, large type, high contrast.
The page holds a fragment that it fetches again whenever the séance changes."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from abaque.analysis.verdict import Verdict
from abaque.debate.speakers import projector_context as debate_projector_context
from abaque.meetings.access import get_meeting
from abaque.meetings.matrix import ordered_matrix

from ..address import join_urls
from ..progress import round_progress

CONSENSUS = (Verdict.CONSENSUS_FOR, Verdict.CONSENSUS_AGAINST)


def projector_context(request, meeting) -> dict:
    round_ = meeting.current_round() or meeting.ensure_first_round()
    context = {
        "meeting": meeting,
        "round": round_,
        "items": round_.round_items.all(),
        "progress": round_progress(meeting),
        "show_results": round_.is_closed and meeting.results_revealed,
    }
    if meeting.phase == meeting.Phase.DEBATE:
        # The debate's own projected view: the item, its colours, who speaks.
        context["debate"] = debate_projector_context(meeting)
    elif context["show_results"]:
        table = ordered_matrix(meeting, round_, meeting.ordering, meeting.ordering)
        context["table"] = table
        # Acknowledged at once, for or against (the debate starts from the rest).
        context["consensus"] = [row for row in table["rows"] if row["stats"].verdict in CONSENSUS]
    elif not round_.is_closed:
        context.update(join_urls(request, meeting))
    return context


@login_required
def projector(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    return render(request, "live/projector.html", projector_context(request, meeting))


@login_required
def projector_fragment(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    return render(request, "live/_projector_body.html", projector_context(request, meeting))
