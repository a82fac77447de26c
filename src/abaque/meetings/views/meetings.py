from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import redirect, render

from ..access import get_meeting
from ..ballots import anonymise
from ..forms import MeetingForm
from ..models import ITEM_WARNING_THRESHOLD, Meeting


@login_required
def meeting_list(request):
    meetings = Meeting.objects.filter(facilitator=request.user).annotate(
        n_participants=Count("participants", distinct=True),
        n_items=Count("items", filter=Q(items__deleted_at__isnull=True), distinct=True),
    )
    has_demo = any(m.is_demo for m in meetings)
    return render(request, "meetings/meeting_list.html", {"meetings": meetings, "has_demo": has_demo})


@login_required
def meeting_create(request):
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        meeting = form.save(commit=False)
        meeting.facilitator = request.user
        meeting.save()
        meeting.ensure_first_round()
        messages.success(request, "Séance créée. Ajoutez maintenant les participants.")
        return redirect("meetings:participants", meeting.pk)
    return render(request, "meetings/meeting_form.html", {"form": form})


@login_required
def meeting_edit(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        form.save()
        if meeting.is_anonymous and "mode" in form.changed_data:
            anonymise(meeting)
        messages.success(request, "Séance enregistrée.")
        return redirect("meetings:detail", meeting.pk)
    return render(request, "meetings/meeting_form.html", {"form": form, "meeting": meeting})


@login_required
def meeting_detail(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    context = {
        "meeting": meeting,
        "tab": "overview",
        "round": meeting.current_round() or meeting.ensure_first_round(),
        "n_participants": meeting.participants.count(),
        "n_items": meeting.active_items().count(),
        "item_warning": ITEM_WARNING_THRESHOLD,
    }
    return render(request, "meetings/meeting_detail.html", context)


@login_required
def meeting_delete(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    if request.method == "POST":
        title = meeting.title
        meeting.delete()
        messages.success(request, f"La séance « {title} » a été supprimée.")
        return redirect("meetings:list")
    return render(request, "meetings/meeting_confirm_delete.html", {"meeting": meeting})
