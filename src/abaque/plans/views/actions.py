"""The action plan: candidate actions, their ranking and the co-construction
table (booklet point 5)."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from abaque.meetings.models import Item
from abaque.meetings.views.ordering import move

from ..access import get_action
from ..ballots import PURPOSE, ballot_results, latest_ballot
from ..compare import item_stats
from ..exports.tables import grouped_by_axis
from ..forms import ActionForm
from ..models import RETAINED_TARGET, Action, CriterionValue, CycleMeeting
from .common import cycle_context, form_page


def plan(request, process_id, year):
    process, cycle, context = cycle_context(request, process_id, year, "plan")
    actions = list(
        cycle.actions.select_related("axis", "item", "previous__cycle")
        .prefetch_related("criterion_values")
        .order_by("priority", "pk")
    )
    ballot = latest_ballot(cycle, PURPOSE.PRIORITISATION)
    votes = ballot_results(ballot) if ballot else {}
    origin = item_stats([a.item for a in actions if a.item_id])
    criteria = list(process.criteria.all())
    table = []
    for axis, group in grouped_by_axis([a for a in actions if a.retained]):
        rows = []
        for action in group:
            values = {v.criterion_id: v.text for v in action.criterion_values.all()}
            rows.append((action, [values.get(c.pk, "") for c in criteria]))
        table.append((axis, rows))
    context.update(
        {
            "candidates": [(a, votes.get(a.pk), origin.get(a.item_id)) for a in actions],
            "ballot": ballot,
            "criteria": criteria,
            "table": table,
            "n_retained": sum(a.retained for a in actions),
            "target": RETAINED_TARGET,
            "memory": cycle.memory_actions().select_related("cycle"),
        }
    )
    return render(request, "plans/plan.html", context)


def action_form(request, process_id, year, action_id=None):
    process, cycle, context = cycle_context(request, process_id, year, "plan", for_change=True)
    action = get_action(cycle, action_id) if action_id else Action(cycle=cycle, priority=cycle.actions.count() + 1)
    if action.pk and is_memory(action):
        return memory_refusal(request, process, cycle)
    form = ActionForm(request.POST or None, instance=action, process=process)
    context.update(
        {"action": action, "item_vote": item_stats([action.item]).get(action.item_id) if action.item_id else None}
    )
    return form_page(
        request,
        form,
        title=_("Modifier l'action") if action.pk else _("Nouvelle action"),
        back=reverse("plans:plan", args=[process.pk, cycle.year]),
        success=_("Action enregistrée."),
        context=context,
        on_save=_save_criteria,
    )


def is_memory(action) -> bool:
    """An ended action of a relaunched year is kept for memory, as it was."""
    return action.is_ended and action.cycle.relaunched_at is not None


def memory_refusal(request, process, cycle):
    messages.error(
        request,
        _("Cette action est close et le plan a été relancé : elle est gardée pour mémoire et ne se modifie plus."),
    )
    return redirect("plans:plan", process.pk, cycle.year)


def _save_criteria(action, form):
    for criterion, text in form.criterion_texts().items():
        CriterionValue.objects.update_or_create(action=action, criterion=criterion, defaults={"text": text})


def actions_from_items(request, process_id, year):
    """Turn items of the cycle's séances into candidate actions, keeping the
    link to the item and its votes."""
    process, cycle, context = cycle_context(request, process_id, year, "plan", for_change=True)
    items = list(
        Item.objects.filter(
            meeting__cycle_link__cycle=cycle,
            meeting__cycle_link__purpose=CycleMeeting.Purpose.DIALOGUE,
            deleted_at__isnull=True,
            status=Item.Status.ACCEPTED,
        )
        .select_related("meeting")
        .order_by("meeting__date", "position", "pk")
    )
    if request.method == "POST":
        chosen = {int(x) for x in request.POST.getlist("item") if x.isdigit()}
        created = _create_from(cycle, [i for i in items if i.pk in chosen])
        if not created:
            messages.error(request, _("Cochez au moins un item."))
        else:
            messages.success(
                request,
                ngettext(
                    "%(n)d action candidate créée à partir des items.",
                    "%(n)d actions candidates créées à partir des items.",
                    created,
                )
                % {"n": created},
            )
            return redirect("plans:plan", process.pk, cycle.year)
    taken = set(cycle.actions.exclude(item=None).values_list("item_id", flat=True))
    stats = item_stats(items)
    rows = [(i, stats.get(i.pk), i.pk in taken) for i in items]
    rows.sort(key=lambda r: (r[1] is None or r[1].mean is None, -(r[1].mean or 0) if r[1] else 0))
    return render(request, "plans/actions_from_items.html", {**context, "rows": rows})


@transaction.atomic
def _create_from(cycle, items) -> int:
    start = cycle.actions.count()
    for n, item in enumerate(items, 1):
        Action.objects.create(cycle=cycle, item=item, title=item.text, priority=start + n)
    return len(items)


def _cycle_action(request, process_id, year, action_id):
    process, cycle, _context = cycle_context(request, process_id, year, "plan")
    return process, cycle, get_action(cycle, action_id)


def _back_to_ranking(process, cycle):
    return redirect(reverse("plans:plan", args=[process.pk, cycle.year]) + "#priorisation")


@require_POST
def action_move(request, process_id, year, action_id):
    process, cycle, action = _cycle_action(request, process_id, year, action_id)
    move(action, cycle.actions.order_by("priority", "pk"), request.POST.get("direction"), "priority")
    return _back_to_ranking(process, cycle)


@require_POST
def action_retain(request, process_id, year, action_id):
    process, cycle, action = _cycle_action(request, process_id, year, action_id)
    action.retained = not action.retained
    action.save(update_fields=["retained"])
    return _back_to_ranking(process, cycle)


@require_POST
def retain_first(request, process_id, year):
    """Keep the first ten of the ranking (« priorisation de 10 actions »)."""
    process, cycle, _context = cycle_context(request, process_id, year, "plan")
    ranked = list(cycle.actions.order_by("priority", "pk").values_list("pk", flat=True))
    cycle.actions.update(retained=False)
    cycle.actions.filter(pk__in=ranked[:RETAINED_TARGET]).update(retained=True)
    kept = min(len(ranked), RETAINED_TARGET)
    messages.success(
        request,
        ngettext(
            "La première action du classement est retenue.",
            "Les %(n)d premières actions du classement sont retenues.",
            kept,
        )
        % {"n": kept},
    )
    return _back_to_ranking(process, cycle)


@require_POST
def action_delete(request, process_id, year, action_id):
    process, cycle, action = _cycle_action(request, process_id, year, action_id)
    action.delete()
    messages.success(request, _("Action « %(title)s » supprimée.") % {"title": action.title})
    return redirect("plans:plan", process.pk, cycle.year)
