"""The projector: a second window on the wall, large type, high contrast.
The page holds a fragment that it fetches again whenever the séance changes;
it shows, by phase, the items being typed, the vote, the results, the item
in debate or the evolution between two rounds. It is the séance's only
projected screen."""

from django.shortcuts import render

from abaque.analysis.verdict import Verdict
from abaque.debate.evolution import projected_evolution
from abaque.debate.speakers import projector_context as debate_projector_context
from abaque.meetings.access import get_meeting
from abaque.meetings.language import in_meeting_language
from abaque.meetings.matrix import ordered_matrix
from abaque.meetings.numbering import item_numbers, numbered

from ..address import join_urls
from ..progress import round_progress

CONSENSUS = (Verdict.CONSENSUS_FOR, Verdict.CONSENSUS_AGAINST)


def projector_context(request, meeting) -> dict:
    round_ = meeting.current_round() or meeting.ensure_first_round()
    numbers = item_numbers(meeting)
    context = {
        "meeting": meeting,
        "round": round_,
        "items": numbered(meeting, list(round_.round_items.all())),
        "progress": round_progress(meeting),
        "show_results": round_.is_closed and meeting.results_revealed,
    }
    if meeting.phase == meeting.Phase.DEBATE:
        # The debate's projected view: the item, its colours, who speaks.
        context["debate"] = debate_projector_context(meeting)
    elif meeting.phase == meeting.Phase.EVOLUTION:
        context["evolution"] = projected_evolution(meeting, numbers)
    elif context["show_results"]:
        table = ordered_matrix(
            meeting, round_, meeting.ordering, meeting.ordering, by_group=meeting.projector_groups, numbers=numbers
        )
        context["table"] = table
        # Acknowledged at once, for or against (the debate starts from the rest).
        context["consensus"] = [row for row in table["rows"] if row["stats"].verdict in CONSENSUS]
    elif not round_.is_closed:
        context.update(join_urls(request, meeting))
    return context


def projector(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    with in_meeting_language(meeting):  # the room reads it, not the facilitator
        return render(request, "live/projector.html", projector_context(request, meeting))


def projector_fragment(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    with in_meeting_language(meeting):
        return render(request, "live/_projector_body.html", projector_context(request, meeting))
