"""The evolution between two vote rounds: consensus, verdict and who moved."""

from django.shortcuts import render

from abaque.meetings.access import get_meeting, get_round

from ..evolution import evolution


def _number(value, default):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def evolution_page(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    rounds = list(meeting.rounds.all())
    context = {"meeting": meeting, "tab": "debate", "rounds": rounds, "items": None}
    if len(rounds) >= 2:
        round_a = get_round(meeting, _number(request.GET.get("de"), rounds[-2].number))
        round_b = get_round(meeting, _number(request.GET.get("a"), rounds[-1].number))
        items = evolution(meeting, round_a, round_b)
        context.update(round_a=round_a, round_b=round_b, items=items, summary=_summary(items))
    return render(request, "debate/evolution.html", context)


def _summary(items) -> dict:
    """The headline: how many items grew closer, and how many votes moved."""
    return {
        "closer": sum(1 for row in items if (row["consensus_delta"] or 0) > 0),
        "further": sum(1 for row in items if (row["consensus_delta"] or 0) < 0),
        "moves": sum(len(row["moves"]) for row in items),
    }
