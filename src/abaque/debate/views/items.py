"""What the debate changes in the vote: an item reworded after a
misunderstanding, and a new round on chosen items."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from abaque.live.notify import meeting_changed
from abaque.meetings.access import get_item, get_meeting
from abaque.meetings.models import ItemRevision, Round, RoundItem
from abaque.meetings.rounds import new_round, open_round, sync_open_round

from ..forms import NewRoundForm, ReformulationForm
from .page import render_page


@transaction.atomic
def reword(item, text, reason):
    """Keep the old wording as a revision and give the item the new one.
    Votes stay with the wording they were given to: closed and open rounds
    keep their RoundItem text; only rounds still in preparation follow."""
    ItemRevision.objects.create(item=item, text=item.text, reason=reason)
    item.text = text
    item.save(update_fields=["text"])
    sync_open_round(item.meeting)
    RoundItem.objects.filter(item=item, round__status=Round.Status.PREPARING).update(text=text)


@login_required
@require_POST
def reformulate(request, meeting_id, item_id):
    meeting = get_meeting(request, meeting_id)
    item = get_item(meeting, item_id)
    form = ReformulationForm(request.POST, item=item)
    if not form.is_valid():
        return render_page(request, meeting, status=400, reformulation_form=form)
    reword(item, form.cleaned_data["text"], form.cleaned_data["reason"])
    meeting_changed(meeting.pk, "items")
    messages.success(request, "Item reformulé. L'ancienne formulation est gardée avec ses votes.")
    return redirect("debate:page", meeting.pk)


@login_required
@require_POST
def start_round(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    form = NewRoundForm(request.POST, meeting=meeting)
    if not form.is_valid():
        return render_page(request, meeting, status=400, new_round_form=form)
    round_ = new_round(meeting, list(form.cleaned_data["items"]))
    if form.cleaned_data["open_now"]:
        open_round(round_)
    meeting_changed(meeting.pk, "round")
    n = len(form.cleaned_data["items"])
    messages.success(request, f"Tour {round_.number} créé sur {n} item{'s' if n > 1 else ''}.")
    return redirect("meetings:grid", meeting.pk, round_.number)
