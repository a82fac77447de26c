"""The evolution between two vote rounds: consensus, verdict and who moved."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from abaque.meetings.access import get_meeting, get_round
from abaque.meetings.notify import meeting_changed

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
    if request.POST.get("show") == "1":
        if projected_rounds(meeting) is None:
            messages.error(request, _("Il faut deux tours de vote clos pour projeter leur évolution."))
        else:
            meeting.phase = meeting.Phase.EVOLUTION
    elif meeting.phase == meeting.Phase.EVOLUTION:
        meeting.phase = meeting.Phase.DEBATE if meeting.debate_item_id else meeting.Phase.RESULTS
    meeting.save(update_fields=["phase", "updated_at"])
    meeting_changed(meeting.pk, "debate")
    return redirect(BACK.get(request.POST.get("next", ""), "debate:evolution"), meeting.pk)
