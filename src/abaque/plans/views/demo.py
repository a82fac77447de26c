"""The demo, from the séance list: load it (it replaces the previous one),
or remove it after a confirmation; only objects marked as demo go."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from abaque.accounts.structures import structure_to_create_in
from abaque.meetings.models import Meeting

from .. import demo
from ..models import Process


@require_POST
def demo_load(request):
    structure_to_create_in(request)  # a reader loads nothing
    meeting = demo.load_all(request.user)
    messages.success(request, _("Démo chargée : deux tours de vote, le débat et la démarche, marqués « Démo »."))
    return redirect("meetings:results", meeting.pk)


def demo_remove(request):
    structure_to_create_in(request)
    meetings = Meeting.objects.filter(facilitator=request.user, is_demo=True)
    processes = Process.objects.filter(owner=request.user, is_demo=True)
    if request.method == "POST":
        demo.remove(request.user)
        messages.success(request, _("La démo a été retirée ; vos séances et démarches n'ont pas changé."))
        return redirect("meetings:list")
    return render(request, "plans/demo_confirm_remove.html", {"meetings": meetings, "processes": processes})
