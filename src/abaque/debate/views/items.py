"""What the debate changes in the vote: an item reworded after a
misunderstanding, and a new round on chosen items."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from abaque.accounts.journal import record
from abaque.meetings import transitions
from abaque.meetings.access import get_item, get_meeting

from ..forms import NewRoundForm, ReformulationForm
from ..transitions import reword_item
from .page import render_page


@require_POST
def reformulate(request, meeting_id, item_id):
    meeting = get_meeting(request, meeting_id)
    item = get_item(meeting, item_id)
    form = ReformulationForm(request.POST, item=item)
    if not form.is_valid():
        return render_page(request, meeting, status=400, reformulation_form=form)
    old = item.text
    reword_item(meeting, item, form.cleaned_data["text"], form.cleaned_data["reason"])
    record(
        request.user,
        meeting,
        "item_reworded",
        _("« %(old)s » → « %(new)s »") % {"old": old[:120], "new": form.cleaned_data["text"][:120]},
    )
    messages.success(request, _("Item reformulé. L'ancienne formulation est gardée avec ses votes."))
    return redirect("debate:page", meeting.pk)


@require_POST
def start_round(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    form = NewRoundForm(request.POST, meeting=meeting)
    if not form.is_valid():
        return render_page(request, meeting, status=400, new_round_form=form)
    round_ = transitions.start_round(meeting, list(form.cleaned_data["items"]), form.cleaned_data["open_now"])
    record(request.user, meeting, "round_started", _("tour %(number)s") % {"number": round_.number})
    n = len(form.cleaned_data["items"])
    messages.success(
        request,
        ngettext("Tour %(number)s créé sur %(n)d item.", "Tour %(number)s créé sur %(n)d items.", n)
        % {"number": round_.number, "n": n},
    )
    return redirect("meetings:grid", meeting.pk, round_.number)
