"""The columns of the co-construction table, configurable per démarche:
add, rename, reorder, remove."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from abaque.meetings.views.ordering import move

from ..access import get_of_process, get_process
from ..forms import CriterionForm
from ..models import Criterion
from ..rules import can_change_process
from .common import form_page


def criteria(request, process_id):
    process = get_process(request, process_id)
    form = CriterionForm(request.POST or None, instance=Criterion(process=process))
    if request.method == "POST" and form.is_valid():
        criterion = form.save(commit=False)
        criterion.position = (
            process.criteria.order_by("-position").values_list("position", flat=True).first() or 0
        ) + 1
        criterion.save()
        messages.success(
            request, _("Critère « %(name)s » ajouté : une colonne de plus au tableau.") % {"name": criterion.name}
        )
        return redirect("plans:criteria", process.pk)
    context = {
        "process": process,
        "tab": "governance",
        "criteria": process.criteria.all(),
        "form": form,
        "can_change": can_change_process(request.user, process),
    }
    return render(request, "plans/criteria.html", context)


def criterion_edit(request, process_id, criterion_id):
    process = get_process(request, process_id, for_change=True)
    criterion = get_of_process(Criterion, process, criterion_id)
    form = CriterionForm(request.POST or None, instance=criterion)
    return form_page(
        request,
        form,
        title=_("Renommer le critère"),
        back=reverse("plans:criteria", args=[process.pk]),
        success=_("Critère renommé."),
        context={"process": process, "tab": "governance"},
    )


@require_POST
def criterion_move(request, process_id, criterion_id):
    process = get_process(request, process_id)
    criterion = get_of_process(Criterion, process, criterion_id)
    move(criterion, process.criteria.all(), request.POST.get("direction"))
    return redirect("plans:criteria", process.pk)


@require_POST
def criterion_delete(request, process_id, criterion_id):
    process = get_process(request, process_id)
    criterion = get_of_process(Criterion, process, criterion_id)
    criterion.delete()
    messages.success(
        request, _("Critère « %(name)s » retiré, avec ce qui était écrit dans sa colonne.") % {"name": criterion.name}
    )
    return redirect("plans:criteria", process.pk)
