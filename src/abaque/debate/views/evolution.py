"""The evolution between two vote rounds: consensus, verdict and who moved."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from abaque.meetings.access import get_meeting, get_round

from .. import transitions
from ..evolution import evolution, projected_rounds, summary


def _number(value, default):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def evolution_page(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    rounds = list(meeting.rounds.all())
    context = {
        "meeting": meeting,
        "tab": "debate",
        "rounds": rounds,
        "items": None,
        "projected": projected_rounds(meeting),
    }
    if len(rounds) >= 2:
        round_a = get_round(meeting, _number(request.GET.get("de"), rounds[-2].number))
        round_b = get_round(meeting, _number(request.GET.get("a"), rounds[-1].number))
        items = evolution(meeting, round_a, round_b)
        context.update(round_a=round_a, round_b=round_b, items=items, summary=summary(items))
    return render(request, "debate/evolution.html", context)


# Where the buttons that project the evolution come back to.
BACK = {"debate": "debate:page", "evolution": "debate:evolution", "controls": "live:controls"}


@require_POST
def project_evolution(request, meeting_id):
    """Show (show=1) the evolution between the last two closed rounds on
    the projector, or go back (show=0) to the debate, or to the results."""
    meeting = get_meeting(request, meeting_id)
    try:
        transitions.project_evolution(meeting, request.POST.get("show") == "1")
    except transitions.Refused as refusal:
        messages.error(request, refusal.message)
    return redirect(BACK.get(request.POST.get("next", ""), "debate:evolution"), meeting.pk)
