from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ..access import get_meeting
from ..ballots import anonymise
from ..forms import MeetingForm, PolisUploadForm
from ..models import ITEM_WARNING_THRESHOLD, Meeting


@login_required
def meeting_list(request):
    meetings = Meeting.objects.filter(facilitator=request.user).annotate(
        n_participants=Count("participants", distinct=True),
        n_items=Count("items", filter=Q(items__deleted_at__isnull=True), distinct=True),
    )
    return render(request, "meetings/meeting_list.html", {"meetings": meetings})


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


@login_required
@require_POST
def meeting_demo(request):
    """Load the demo séance for this facilitator: a full matrix at once."""
    from ..management.commands.demo import load_all

    meeting = load_all(request.user)
    messages.success(request, "Séance de démonstration chargée : deux tours de vote, le débat et la démarche.")
    return redirect("meetings:results", meeting.pk)


@login_required
def meeting_import_polis(request):
    """Upload a Pol.is export: a new séance, its round closed, and the
    French summary of what was imported (as `abaque import_polis` says)."""
    from abaque.analysis.spreadsheet import MatrixFileError

    from .. import polis_upload
    from ..polis_import import import_polis

    posted = request.method == "POST"
    form = PolisUploadForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        data = form.cleaned_data
        try:
            if data["archive"]:
                export = polis_upload.from_zip(data["archive"])
                default_title = data["archive"].name.rsplit(".", 1)[0]
            else:
                export = polis_upload.from_files(data["votes"], data.get("comments"))
                default_title = "Conversation Pol.is"
        except MatrixFileError as error:
            form.add_error(None, str(error))
        else:
            meeting, summary = import_polis(export, request.user, data["title"].strip() or default_title)
            messages.success(request, summary)
            return redirect("meetings:results", meeting.pk)
    return render(request, "meetings/polis_import.html", {"form": form, "max_mb": polis_upload.MAX_POLIS_FILE_MB})
