"""The compte-rendu page and its downloads, in every format."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render

from abaque.meetings.access import get_meeting
from abaque.meetings.views.results import origin_choice, origin_counts

from ..formats import FORMATS, filename
from ..formats import render as render_document


@login_required
def report_page(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    context = {
        "meeting": meeting,
        "tab": "report",
        "formats": FORMATS.values(),
        "has_votes": meeting.rounds.filter(votes__isnull=False).exists(),
        "mailings": meeting.mailings.prefetch_related("deliveries")[:10],
        "n_with_address": meeting.participants.exclude(email="").count(),
        "n_participants": meeting.participants.count(),
        "origin_counts": origin_counts(meeting),
    }
    return render(request, "reports/report_page.html", context)


@login_required
def download(request, meeting_id, fmt):
    meeting = get_meeting(request, meeting_id)
    if fmt not in FORMATS:
        raise Http404("Format inconnu")
    origin = origin_choice(request)  # ?origine=room|online: one way of taking part only
    response = HttpResponse(render_document(meeting, fmt, origin=origin), content_type=FORMATS[fmt].media_type)
    response["Content-Disposition"] = f'attachment; filename="{filename(meeting, fmt)}"'
    return response
