"""The committee votes on actions with the abacus (prioritisation and
evaluation), through an ordinary séance."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from ..access import get_cycle_meeting
from ..ballots import PURPOSE, BallotRefused, apply_ranking, create_ballot
from .common import cycle_context

BACK = {PURPOSE.PRIORITISATION: "plans:plan", PURPOSE.EVALUATION: "plans:evaluation"}


@require_POST
def ballot_create(request, process_id, year, purpose):
    process, cycle, _context = cycle_context(request, process_id, year, "plan")
    if purpose not in BACK:
        return redirect("plans:plan", process.pk, cycle.year)
    try:
        link = create_ballot(cycle, purpose, request.user)
    except BallotRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(BACK[purpose], process.pk, cycle.year)
    messages.success(
        request,
        ngettext(
            "Séance « %(title)s » créée : le comité vote sur %(n)d action, depuis les téléphones ou sur papier.",
            "Séance « %(title)s » créée : le comité vote sur %(n)d actions, depuis les téléphones ou sur papier.",
            link.entries.count(),
        )
        % {"title": link.meeting.title, "n": link.entries.count()},
    )
    return redirect("meetings:detail", link.meeting.pk)


@require_POST
def ballot_apply(request, process_id, year, link_id):
    process, cycle, _context = cycle_context(request, process_id, year, "plan")
    link = get_cycle_meeting(cycle, link_id)
    if link.purpose != PURPOSE.PRIORITISATION:
        messages.error(request, _("Seul un vote de priorisation donne un classement des actions."))
    else:
        count = apply_ranking(link)
        messages.success(
            request,
            ngettext(
                "Classement appliqué : %(n)d action rangée par moyenne du vote du comité.",
                "Classement appliqué : %(n)d actions rangées par moyenne du vote du comité.",
                count,
            )
            % {"n": count},
        )
    return redirect("plans:plan", process.pk, cycle.year)
