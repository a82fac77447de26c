"""The demo, from the séance list: load it (it replaces the previous one),
or remove it after a confirmation; only objects marked as demo go."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from abaque.meetings.models import Meeting

from .. import demo
from ..models import Process


@login_required
@require_POST
def demo_load(request):
    meeting = demo.load_all(request.user)
    messages.success(request, "Démo chargée : deux tours de vote, le débat et la démarche, marqués « Démo ».")
    return redirect("meetings:results", meeting.pk)


@login_required
def demo_remove(request):
    meetings = Meeting.objects.filter(facilitator=request.user, is_demo=True)
    processes = Process.objects.filter(owner=request.user, is_demo=True)
    if request.method == "POST":
        demo.remove(request.user)
        messages.success(request, "La démo a été retirée ; vos séances et démarches n'ont pas changé.")
        return redirect("meetings:list")
    return render(request, "plans/demo_confirm_remove.html", {"meetings": meetings, "processes": processes})
