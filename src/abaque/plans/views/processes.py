"""Territories, démarches and their governance (booklet points 2 and 7)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from abaque.accounts import journal
from abaque.accounts.rules import can_run_work
from abaque.accounts.structures import current_structure, structure_to_create_in

from ..access import get_of_process, get_process, get_territory
from ..forms import AxisForm, DeliberationForm, MemberForm, ProcessForm, ShareForm, TerritoryForm
from ..models import Axis, CommitteeMember, Cycle, Deliberation, Process, Territory
from ..rules import can_change_process, can_see_journal, can_share_process, structures_to_share_with
from .common import form_page


def index(request):
    structure = current_structure(request)
    processes = (
        Process.objects.filter(structure=structure)
        .select_related("territory", "territory__parent")
        .annotate(n_cycles=Count("cycles"))
    )
    supported = Process.objects.filter(shared_with=structure).select_related("territory", "structure")
    territories = Territory.objects.filter(structure=structure).select_related("parent")
    context = {
        "processes": processes,
        "supported": supported,
        "territories": territories,
        "can_create": can_run_work(request.user, structure),
    }
    return render(request, "plans/index.html", context)


def territory_form(request, territory_id=None):
    if territory_id:
        territory = get_territory(request, territory_id, for_change=True)
    else:
        territory = Territory(owner=request.user, structure=structure_to_create_in(request))
    form = TerritoryForm(request.POST or None, instance=territory, structure=territory.structure)
    return form_page(
        request, form, title=_("Territoire"), back=reverse("plans:index"), success=_("Territoire enregistré.")
    )


def process_create(request):
    structure = structure_to_create_in(request)
    if not Territory.objects.filter(structure=structure).exists():
        messages.warning(
            request, _("Créez d'abord le territoire de la démarche : le Parc, ou une communauté de communes.")
        )
        return redirect("plans:territory_create")
    process = Process(owner=request.user, structure=structure)
    form = ProcessForm(request.POST or None, instance=process, structure=structure)

    return form_page(
        request,
        form,
        title=_("Nouvelle démarche"),
        back=lambda p: reverse("plans:detail", args=[p.pk]),
        success=_("Démarche créée. Saisissez sa délibération et son comité de pilotage."),
        on_save=_start,
    )


def _start(process, form):
    process.add_default_criteria()
    if form.cleaned_data.get("first_year"):
        Cycle.objects.create(process=process, year=form.cleaned_data["first_year"])


def process_edit(request, process_id):
    process = get_process(request, process_id, for_change=True)
    form = ProcessForm(request.POST or None, instance=process, structure=process.structure)
    back = reverse("plans:detail", args=[process.pk])
    return form_page(
        request,
        form,
        title=_("Modifier la démarche"),
        back=back,
        success=_("Démarche enregistrée."),
        context={"process": process, "tab": "governance"},
    )


def process_detail(request, process_id):
    process = get_process(request, process_id)
    can_share = can_share_process(request.user, process)
    context = {
        "process": process,
        "tab": "governance",
        "cycles": process.cycles.annotate(n_actions=Count("actions")),
        "deliberations": process.deliberations.all(),
        "members": process.members.all(),
        "axes": process.axes.all(),
        "criteria": process.criteria.all(),
        "local_processes": Process.objects.filter(structure=process.structure, territory__parent=process.territory),
        "can_change": can_change_process(request.user, process),
        "can_share": can_share,
        "shared_with": process.shared_with.all(),
        "share_choices": structures_to_share_with(process) if can_share else (),
        "journal": journal.shown_to(request.user, process, can_see_journal),
    }
    return render(request, "plans/process_detail.html", context)


GOVERNANCE_FORMS = {
    # kind, as in the URL → (model, form, page title, success message)
    "deliberation": (
        Deliberation,
        DeliberationForm,
        gettext_lazy("Délibération du comité syndical"),
        gettext_lazy("Délibération enregistrée."),
    ),
    "membre": (
        CommitteeMember,
        MemberForm,
        gettext_lazy("Membre du comité de pilotage"),
        gettext_lazy("Membre enregistré."),
    ),
    "axe": (Axis, AxisForm, gettext_lazy("Axe du plan d'action"), gettext_lazy("Axe enregistré.")),
}


def governance_form(request, process_id, kind, object_id=None):
    """Add or edit a deliberation, a committee member or an axis."""
    process = get_process(request, process_id, for_change=True)
    model, form_class, title, success = GOVERNANCE_FORMS[kind]
    obj = get_of_process(model, process, object_id) if object_id else model(process=process)
    if model is Axis and not object_id:
        obj.number = (process.axes.order_by("-number").values_list("number", flat=True).first() or 0) + 1
    form = form_class(request.POST or None, instance=obj)
    back = reverse("plans:detail", args=[process.pk])
    return form_page(
        request, form, title=title, back=back, success=success, context={"process": process, "tab": "governance"}
    )


@require_POST
def share(request, process_id):
    """« Accompagnement »: the démarche shared in reading with another structure."""
    process = _process_to_share(request, process_id)
    other = _chosen_structure(request, structures_to_share_with(process))
    if other:
        process.shared_with.add(other)
        journal.record(request.user, process, "process_shared", other.name)
        messages.success(request, _("Démarche partagée en lecture avec %(structure)s.") % {"structure": other.name})
    return redirect("plans:detail", process.pk)


@require_POST
def unshare(request, process_id):
    process = _process_to_share(request, process_id)
    other = _chosen_structure(request, process.shared_with.all())
    if other:
        process.shared_with.remove(other)
        journal.record(request.user, process, "process_unshared", other.name)
        messages.success(request, _("Le partage avec %(structure)s est arrêté.") % {"structure": other.name})
    return redirect("plans:detail", process.pk)


def _chosen_structure(request, structures):
    """The structure posted, among `structures`; None with the form's message shown."""
    form = ShareForm(request.POST, structures=structures)
    if form.is_valid():
        return form.cleaned_data["structure"]
    messages.error(request, " ".join(form.errors["structure"]))
    return None


def _process_to_share(request, process_id):
    process = get_process(request, process_id, for_change=True)
    if not can_share_process(request.user, process):
        raise PermissionDenied(_("Seul un administrateur de la structure partage sa démarche."))
    return process


@require_POST
def governance_delete(request, process_id, kind, object_id):
    process = get_process(request, process_id)
    model = GOVERNANCE_FORMS[kind][0]
    obj = get_of_process(model, process, object_id)
    obj.delete()
    messages.success(request, _("« %(name)s » a été retiré.") % {"name": obj})
    return redirect("plans:detail", process.pk)
