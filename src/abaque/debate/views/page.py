"""The facilitator's debate page: the agenda, the item in debate with its
speakers, notes, recordings and wording history, and the next round."""

from django.shortcuts import render

from abaque.analysis import AgendaKind
from abaque.meetings.access import get_meeting
from abaque.meetings.matrix import round_matrix

from ..agenda import agenda, latest_closed_round
from ..forms import ItemChoiceForm, NewRoundForm, ReformulationForm, SpeakingOrderForm
from ..models import Note
from ..speakers import item_in_debate
from .notes import timestamp_ms


def current_item(meeting, lines):
    """The item in debate, or the head of the agenda before one is chosen."""
    if meeting.debate_item and meeting.debate_item.deleted_at is None:
        return meeting.debate_item
    return lines[0].item if lines else None


def page_context(meeting, reformulation_form=None, new_round_form=None) -> dict:
    round_ = latest_closed_round(meeting)
    matrix = round_matrix(round_) if round_ else None
    lines = agenda(meeting, matrix) if matrix else []
    item = current_item(meeting, lines)
    dissensus = [line.item.pk for line in lines if line.kind == AgendaKind.DISSENSUS]
    context = {
        "meeting": meeting,
        "tab": "debate",
        "round": round_,
        "lines": lines,
        "item": item,
        "projected": item is not None and item == meeting.debate_item,
        "choice_form": ItemChoiceForm(meeting=meeting, initial={"item": item}),
        "order_form": SpeakingOrderForm(instance=meeting),
        "new_round_form": new_round_form or NewRoundForm(meeting=meeting, initial={"items": dissensus}),
        "n_rounds": meeting.rounds.count(),
    }
    if item is not None:
        context.update(_item_context(meeting, item, matrix, reformulation_form))
    return context


def _item_context(meeting, item, matrix, reformulation_form) -> dict:
    note = Note.objects.filter(meeting=meeting, item=item).first()
    return {
        "debate": item_in_debate(meeting, item, matrix),
        "note": note,
        "note_at": timestamp_ms(note.updated_at) if note else 0,
        "recordings": item.recordings.filter(meeting=meeting),
        "revisions": item.revisions.all(),
        "reformulation_form": reformulation_form or ReformulationForm(item=item),
    }


def render_page(request, meeting, status=200, **forms):
    return render(request, "debate/debate.html", page_context(meeting, **forms), status=status)


def debate_page(request, meeting_id):
    return render_page(request, get_meeting(request, meeting_id, for_change=True))
