"""The communication plan of a cycle (booklet point 9)."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..access import get_communication
from ..forms import CommunicationForm
from ..models import Communication
from .common import cycle_context, form_page


def communication_list(request, process_id, year):
    process, cycle, context = cycle_context(request, process_id, year, "communication")
    return render(request, "plans/communication.html", {**context, "communications": cycle.communications.all()})


def communication_form(request, process_id, year, communication_id=None):
    process, cycle, context = cycle_context(request, process_id, year, "communication", for_change=True)
    obj = get_communication(cycle, communication_id) if communication_id else Communication(cycle=cycle)
    form = CommunicationForm(request.POST or None, instance=obj)
    return form_page(
        request,
        form,
        title=_("Action de communication"),
        back=reverse("plans:communication", args=[process.pk, cycle.year]),
        success=_("Action de communication enregistrée."),
        context=context,
    )


@require_POST
def communication_delete(request, process_id, year, communication_id):
    process, cycle, _context = cycle_context(request, process_id, year, "communication")
    get_communication(cycle, communication_id).delete()
    messages.success(request, _("Action de communication supprimée."))
    return redirect("plans:communication", process.pk, cycle.year)
