"""The compte-rendu page and its downloads, in every format."""

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from abaque.meetings.access import get_meeting
from abaque.meetings.matrix import origin_counts
from abaque.meetings.views.results import origin_choice

from .. import building
from ..formats import FORMATS, filename
from ..formats import render as render_document


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
        "prepared": _status_json(meeting, "pdf"),
    }
    return render(request, "reports/report_page.html", context)


def download(request, meeting_id, fmt):
    meeting = get_meeting(request, meeting_id)
    if fmt not in FORMATS:
        raise Http404(_("Format inconnu"))
    origin = origin_choice(request)  # ?origine=room|online: one way of taking part only
    response = HttpResponse(render_document(meeting, fmt, origin=origin), content_type=FORMATS[fmt].media_type)
    response["Content-Disposition"] = f'attachment; filename="{filename(meeting, fmt)}"'
    return response


def _format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise Http404(_("Format inconnu"))
    return fmt


def _status_json(meeting, fmt: str) -> dict | None:
    """The build's status as the page's script reads it, with the document's
    address once it is ready."""
    status = building.read_status(meeting.pk, fmt)
    if status is None:
        return None
    data = status.as_json()
    if status.state == "done":
        data["url"] = reverse("reports:prepared", args=[meeting.pk, fmt])
    return data


@require_POST
def prepare(request, meeting_id, fmt):
    """Start building the document in the background (or join the build under
    way); the page then polls `preparation`."""
    meeting = get_meeting(request, meeting_id)
    building.start(meeting, _format(fmt))
    if request.headers.get("Accept", "").startswith("application/json"):
        return JsonResponse(_status_json(meeting, fmt))
    return redirect("reports:index", meeting.pk)


@require_GET
def preparation(request, meeting_id, fmt):
    meeting = get_meeting(request, meeting_id)
    data = _status_json(meeting, _format(fmt))
    if data is None:
        raise Http404(_("Aucune préparation en cours"))
    response = JsonResponse(data)
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def prepared(request, meeting_id, fmt):
    """The document the background build left, as an attachment."""
    meeting = get_meeting(request, meeting_id)
    data = building.document(meeting.pk, _format(fmt))
    if data is None:
        raise Http404(_("Le document n'est pas prêt"))
    response = HttpResponse(data, content_type=FORMATS[fmt].media_type)
    response["Content-Disposition"] = f'attachment; filename="{filename(meeting, fmt)}"'
    return response
