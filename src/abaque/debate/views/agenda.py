"""Steering the debate: which item is debated, the agenda's order, and the
order of speaking. Each change is pushed to the projector."""

from django.contrib import messages
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from abaque.meetings.access import get_item, get_meeting
from abaque.meetings.notify import meeting_changed

from .. import agenda
from ..forms import ItemChoiceForm, SpeakingOrderForm


def debate(meeting, item):
    """Put `item` in debate: the projector switches to it."""
    meeting.debate_item = item
    meeting.phase = meeting.Phase.DEBATE
    meeting.save(update_fields=["debate_item", "phase", "updated_at"])
    meeting_changed(meeting.pk, "debate")


@require_POST
def choose_item(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    form = ItemChoiceForm(request.POST, meeting=meeting)
    if form.is_valid():
        debate(meeting, form.cleaned_data["item"])
    else:
        messages.error(request, form.errors["item"][0])
    return redirect("debate:page", meeting.pk)


@require_POST
def move_item(request, meeting_id, item_id):
    meeting = get_meeting(request, meeting_id)
    item = get_item(meeting, item_id)
    step = -1 if request.POST.get("direction") == "up" else 1
    if not agenda.move(meeting, item.pk, step):
        messages.warning(request, "Cet item est déjà à ce bout de l'ordre du jour.")
    return redirect("debate:page", meeting.pk)


@require_POST
def speaking_order(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    form = SpeakingOrderForm(request.POST, instance=meeting)
    if form.is_valid():
        form.save()
        meeting_changed(meeting.pk, "debate")
    else:
        messages.error(request, "Ordre de parole inconnu : rien n'a changé.")
    return redirect("debate:page", meeting.pk)
