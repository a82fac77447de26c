"""Steering the debate: which item is debated, the agenda's order, and the
order of speaking. Each change is pushed to the projector."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from abaque.meetings.access import get_item, get_meeting

from .. import agenda, transitions
from ..forms import ItemChoiceForm


@require_POST
def choose_item(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    form = ItemChoiceForm(request.POST, meeting=meeting)
    if form.is_valid():
        transitions.debate_item(meeting, form.cleaned_data["item"])
    else:
        messages.error(request, form.errors["item"][0])
    return redirect("debate:page", meeting.pk)


@require_POST
def move_item(request, meeting_id, item_id):
    meeting = get_meeting(request, meeting_id)
    item = get_item(meeting, item_id)
    step = -1 if request.POST.get("direction") == "up" else 1
    if not agenda.move(meeting, item.pk, step):
        messages.warning(request, _("Cet item est déjà à ce bout de l'ordre du jour."))
    return redirect("debate:page", meeting.pk)


@require_POST
def speaking_order(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    try:
        transitions.order_speaking(meeting, request.POST.get("speaking_order"))
    except transitions.Refused as refusal:
        messages.error(request, refusal.message)
    return redirect("debate:page", meeting.pk)
