"""Yearly cycles: their séances, the comparison of séances, the relaunch."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from abaque.accounts.journal import record
from abaque.meetings.models import Meeting

from ..access import get_cycle_meeting, get_process
from ..compare import compare_meetings
from ..forms import AttachMeetingForm, CycleForm
from ..models import Cycle, CycleMeeting
from ..relaunch import RelaunchRefused, relaunch
from .common import cycle_context, form_page


def cycle_create(request, process_id):
    process = get_process(request, process_id, for_change=True)
    last = process.cycles.order_by("-year").first()
    form = CycleForm(
        request.POST or None, instance=Cycle(process=process, year=(last.year + 1) if last else None), process=process
    )
    return form_page(
        request,
        form,
        title=_("Nouvelle boucle annuelle"),
        back=lambda c: reverse("plans:plan", args=[process.pk, c.year]),
        success=_("Boucle annuelle créée."),
        context={"process": process, "tab": "governance"},
    )


def cycle_meetings(request, process_id, year):
    process, cycle, context = cycle_context(request, process_id, year, "meetings")
    form = AttachMeetingForm(request.POST or None, structure=process.structure)
    if request.method == "POST" and form.is_valid():
        CycleMeeting.objects.create(cycle=cycle, meeting=form.cleaned_data["meeting"], group=form.cleaned_data["group"])
        messages.success(
            request,
            _("Séance « %(title)s » rattachée à %(year)s.")
            % {"title": form.cleaned_data["meeting"], "year": cycle.year},
        )
        return redirect("plans:meetings", process.pk, cycle.year)
    links = cycle.cycle_meetings.select_related("meeting")
    return render(request, "plans/cycle_meetings.html", {**context, "links": links, "form": form})


@require_POST
def cycle_meeting_detach(request, process_id, year, link_id):
    process, cycle, _context = cycle_context(request, process_id, year, "meetings")
    link = get_cycle_meeting(cycle, link_id)
    link.delete()
    messages.success(
        request,
        _("Séance « %(title)s » détachée de %(year)s (elle n'est pas supprimée).")
        % {"title": link.meeting, "year": cycle.year},
    )
    return redirect("plans:meetings", process.pk, cycle.year)


@require_POST
def cycle_relaunch(request, process_id, year):
    process, cycle, _context = cycle_context(request, process_id, year, "evaluation")
    try:
        following = relaunch(cycle)
    except RelaunchRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("plans:evaluation", process.pk, cycle.year)
    record(request.user, process, "cycle_relaunched", f"{cycle.year} → {following.year}")
    messages.success(
        request,
        _(
            "Plan d'action %(year)s créé : les actions à poursuivre et améliorées sont reprises, "
            "les actions terminées ou abandonnées figurent pour mémoire."
        )
        % {"year": following.year},
    )
    return redirect("plans:plan", process.pk, following.year)


def compare(request, process_id):
    """Séances of the démarche that voted on the same items, side by side."""
    process = get_process(request, process_id)
    available = list(
        Meeting.objects.filter(cycle_link__cycle__process=process)
        .select_related("cycle_link__cycle")
        .order_by("cycle_link__cycle__year", "date")
    )
    chosen_ids = {int(x) for x in request.GET.getlist("seance") if x.isdigit()}
    chosen = [m for m in available if m.pk in chosen_ids] or [
        m for m in available if m.cycle_link.purpose == CycleMeeting.Purpose.DIALOGUE
    ]
    context = {
        "process": process,
        "tab": "compare",
        "available": available,
        "chosen": chosen,
        "rows": compare_meetings(chosen) if len(chosen) >= 2 else [],
    }
    return render(request, "plans/compare.html", context)
