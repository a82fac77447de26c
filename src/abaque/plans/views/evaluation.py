"""The yearly evaluation of every action and the synthesis (booklet point 10)."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from ..access import get_action
from ..ballots import PURPOSE, ballot_results, latest_ballot
from ..forms import EvaluationForm, SynthesisForm
from ..models import Action
from .actions import is_memory, memory_refusal
from .common import cycle_context, form_page


def evaluation(request, process_id, year):
    process, cycle, context = cycle_context(request, process_id, year, "evaluation")
    ballot = latest_ballot(cycle, PURPOSE.EVALUATION)
    votes = ballot_results(ballot) if ballot else {}
    actions = list(
        cycle.plan().select_related("axis", "item", "previous__cycle").order_by("axis__number", "priority", "pk")
    )
    counts = {label: sum(a.status == value for a in actions) for value, label in Action.Status.choices}
    context.update(
        {
            "rows": [(a, votes.get(a.pk)) for a in actions],
            "ballot": ballot,
            "counts": counts,
            "social_count": sum(bool(a.enriches_park_action) for a in actions),
            "following": process.cycles.filter(year=cycle.year + 1).first(),
        }
    )
    return render(request, "plans/evaluation.html", context)


def evaluate_action(request, process_id, year, action_id):
    process, cycle, context = cycle_context(request, process_id, year, "evaluation", for_change=True)
    action = get_action(cycle, action_id)
    if is_memory(action):
        return memory_refusal(request, process, cycle)
    form = EvaluationForm(request.POST or None, instance=action)
    context["action"] = action
    return form_page(
        request,
        form,
        title=_("Évaluer : %(title)s") % {"title": action.title},
        back=reverse("plans:evaluation", args=[process.pk, cycle.year]),
        success=_("Évaluation enregistrée."),
        context=context,
    )


def synthesis(request, process_id, year):
    process, cycle, context = cycle_context(request, process_id, year, "evaluation", for_change=True)
    form = SynthesisForm(request.POST or None, instance=cycle)
    return form_page(
        request,
        form,
        title=_("Synthèse %(year)s") % {"year": cycle.year},
        back=reverse("plans:evaluation", args=[process.pk, cycle.year]),
        success=_("Synthèse enregistrée."),
        context=context,
    )
