"""Territories, démarches and their governance (booklet points 2 and 7)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from ..access import get_of_process, get_process, get_territory
from ..forms import AxisForm, DeliberationForm, MemberForm, ProcessForm, TerritoryForm
from ..models import Axis, CommitteeMember, Cycle, Deliberation, Process, Territory
from .common import form_page


@login_required
def index(request):
    processes = (
        Process.objects.filter(owner=request.user)
        .select_related("territory", "territory__parent")
        .annotate(n_cycles=Count("cycles"))
    )
    territories = Territory.objects.filter(owner=request.user).select_related("parent")
    return render(request, "plans/index.html", {"processes": processes, "territories": territories})


@login_required
def territory_form(request, territory_id=None):
    territory = get_territory(request, territory_id) if territory_id else Territory(owner=request.user)
    form = TerritoryForm(request.POST or None, instance=territory, owner=request.user)
    return form_page(request, form, title="Territoire", back=reverse("plans:index"), success="Territoire enregistré.")


@login_required
def process_create(request):
    if not Territory.objects.filter(owner=request.user).exists():
        messages.warning(
            request, "Créez d'abord le territoire de la démarche : le Parc, ou une communauté de communes."
        )
        return redirect("plans:territory_create")
    form = ProcessForm(request.POST or None, instance=Process(owner=request.user), owner=request.user)

    return form_page(
        request,
        form,
        title="Nouvelle démarche",
        back=lambda p: reverse("plans:detail", args=[p.pk]),
        success="Démarche créée. Saisissez sa délibération et son comité de pilotage.",
        on_save=_start,
    )


def _start(process, form):
    process.add_default_criteria()
    if form.cleaned_data.get("first_year"):
        Cycle.objects.create(process=process, year=form.cleaned_data["first_year"])


@login_required
def process_edit(request, process_id):
    process = get_process(request, process_id)
    form = ProcessForm(request.POST or None, instance=process, owner=request.user)
    back = reverse("plans:detail", args=[process.pk])
    return form_page(
        request,
        form,
        title="Modifier la démarche",
        back=back,
        success="Démarche enregistrée.",
        context={"process": process, "tab": "governance"},
    )


@login_required
def process_detail(request, process_id):
    process = get_process(request, process_id)
    context = {
        "process": process,
        "tab": "governance",
        "cycles": process.cycles.annotate(n_actions=Count("actions")),
        "deliberations": process.deliberations.all(),
        "members": process.members.all(),
        "axes": process.axes.all(),
        "criteria": process.criteria.all(),
        "local_processes": Process.objects.filter(owner=request.user, territory__parent=process.territory),
    }
    return render(request, "plans/process_detail.html", context)


GOVERNANCE_FORMS = {
    # kind, as in the URL → (model, form, page title, success message)
    "deliberation": (Deliberation, DeliberationForm, "Délibération du comité syndical", "Délibération enregistrée."),
    "membre": (CommitteeMember, MemberForm, "Membre du comité de pilotage", "Membre enregistré."),
    "axe": (Axis, AxisForm, "Axe du plan d'action", "Axe enregistré."),
}


@login_required
def governance_form(request, process_id, kind, object_id=None):
    """Add or edit a deliberation, a committee member or an axis."""
    process = get_process(request, process_id)
    model, form_class, title, success = GOVERNANCE_FORMS[kind]
    obj = get_of_process(model, process, object_id) if object_id else model(process=process)
    if model is Axis and not object_id:
        obj.number = (process.axes.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    form = form_class(request.POST or None, instance=obj)
    back = reverse("plans:detail", args=[process.pk])
    return form_page(
        request, form, title=title, back=back, success=success, context={"process": process, "tab": "governance"}
    )


@login_required
@require_POST
def governance_delete(request, process_id, kind, object_id):
    process = get_process(request, process_id)
    model = GOVERNANCE_FORMS[kind][0]
    obj = get_of_process(model, process, object_id)
    obj.delete()
    messages.success(request, f"« {obj} » a été retiré.")
    return redirect("plans:detail", process.pk)
