from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from abaque.accounts import journal
from abaque.accounts.rules import can_run_work
from abaque.accounts.structures import current_structure, structure_to_create_in

from ..access import get_meeting
from ..ballots import anonymise
from ..forms import MeetingForm, PolisUploadForm
from ..models import ITEM_WARNING_THRESHOLD, Meeting
from ..rules import can_see_journal


def meeting_list(request):
    structure = current_structure(request)
    meetings = Meeting.objects.filter(structure=structure).annotate(
        n_participants=Count("participants", distinct=True),
        n_items=Count("items", filter=Q(items__deleted_at__isnull=True), distinct=True),
    )
    context = {
        "meetings": meetings,
        "can_create": can_run_work(request.user, structure),
        "has_demo": any(m.is_demo for m in meetings),
    }
    return render(request, "meetings/meeting_list.html", context)


def meeting_create(request):
    structure = structure_to_create_in(request)
    form = MeetingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        meeting = form.save(commit=False)
        meeting.facilitator, meeting.structure = request.user, structure
        meeting.save()
        meeting.ensure_first_round()
        messages.success(request, _("Séance créée. Ajoutez maintenant les participants."))
        return redirect("meetings:participants", meeting.pk)
    return render(request, "meetings/meeting_form.html", {"form": form})


def meeting_edit(request, meeting_id):
    meeting = get_meeting(request, meeting_id, for_change=True)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        form.save()
        if meeting.is_anonymous and "mode" in form.changed_data:
            anonymise(meeting)
        messages.success(request, _("Séance enregistrée."))
        return redirect("meetings:detail", meeting.pk)
    return render(request, "meetings/meeting_form.html", {"form": form, "meeting": meeting})


def meeting_detail(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    context = {
        "meeting": meeting,
        "tab": "overview",
        "round": meeting.current_round() or meeting.ensure_first_round(),
        "n_participants": meeting.participants.count(),
        "n_items": meeting.active_items().count(),
        "item_warning": ITEM_WARNING_THRESHOLD,
        "journal": journal.shown_to(request.user, meeting, can_see_journal),
    }
    return render(request, "meetings/meeting_detail.html", context)


def meeting_delete(request, meeting_id):
    meeting = get_meeting(request, meeting_id, for_change=True)
    if request.method == "POST":
        title = meeting.title
        meeting.delete()
        messages.success(request, _("La séance « %(title)s » a été supprimée.") % {"title": title})
        return redirect("meetings:list")
    return render(request, "meetings/meeting_confirm_delete.html", {"meeting": meeting})


def meeting_import_polis(request):
    """Upload a Pol.is export: a new séance, its round closed, and the
    French summary of what was imported (as `abaque import_polis` says)."""
    from abaque.analysis.spreadsheet import MatrixFileError

    from .. import polis_upload
    from ..polis_import import import_polis

    structure = structure_to_create_in(request)  # a reader creates nothing
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
                default_title = _("Conversation Pol.is")
        except MatrixFileError as error:
            form.add_error(None, str(error))
        else:
            meeting, summary = import_polis(export, request.user, data["title"].strip() or default_title, structure)
            messages.success(request, summary)
            return redirect("meetings:results", meeting.pk)
    return render(request, "meetings/polis_import.html", {"form": form, "max_mb": polis_upload.MAX_POLIS_FILE_MB})
