"""Audio of the debate, recorded in the facilitator's browser and kept with
the séance. Files are never served publicly: only through these views."""

import mimetypes

from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET, require_POST

from abaque.meetings.access import get_item, get_meeting

from .. import forms, transitions
from ..forms import RecordingForm, mime_of
from ..models import Recording

EXTENSIONS = {
    "audio/webm": ".webm",
    "audio/ogg": ".ogg",
    "audio/wav": ".wav",
    "audio/x-wav": ".wav",
    "audio/mp4": ".m4a",
    "audio/mpeg": ".mp3",
    "audio/flac": ".flac",
}


@require_POST
def recording_state(request, meeting_id):
    """Start or stop: the projector shows « Enregistrement en cours »."""
    meeting = get_meeting(request, meeting_id)
    transitions.set_recording(meeting, request.POST.get("action") == "start")
    return JsonResponse({"recording": meeting.recording_since is not None})


def recordings(request, meeting_id, item_id):
    """GET: the list under the item. POST: upload one recording."""
    meeting = get_meeting(request, meeting_id, for_change=True)
    item = get_item(meeting, item_id)
    if request.method == "POST":
        return _upload(request, meeting, item)
    context = {"meeting": meeting, "recordings": item.recordings.filter(meeting=meeting)}
    return render(request, "debate/_recordings.html", context)


def _upload(request, meeting, item):
    form = RecordingForm(request.POST, request.FILES)
    if not form.is_valid():
        message = next(iter(form.errors.values()))[0]
        return JsonResponse({"error": message}, status=400)
    upload, mime = form.cleaned_data["file"], mime_of(form.cleaned_data["file"])
    if stored_bytes(meeting) + upload.size > forms.MAX_MEETING_RECORDINGS_BYTES:
        quota = forms.MAX_MEETING_RECORDINGS_BYTES // 1024**3
        return JsonResponse(
            {
                "error": _(
                    "Les enregistrements de cette séance atteignent %(quota)s Go : supprimez-en avant d'en ajouter."
                )
                % {"quota": quota}
            },
            status=413,
        )
    recording = Recording(
        meeting=meeting, item=item, mime_type=mime, duration_seconds=form.cleaned_data["duration"] or 0
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    recording.file.save(f"item-{item.pk}-{stamp}{EXTENSIONS.get(mime, '.audio')}", upload, save=True)
    return JsonResponse({"id": recording.pk, "duration": recording.duration_seconds}, status=201)


def stored_bytes(meeting):
    total = 0
    for recording in meeting.recordings.all():
        try:
            total += recording.file.size
        except OSError:  # a file already gone from the disk takes no room
            pass
    return total


@require_GET
def recording_file(request, meeting_id, recording_id):
    meeting = get_meeting(request, meeting_id)
    recording = get_object_or_404(Recording, pk=recording_id, meeting=meeting)
    try:
        handle = recording.file.open("rb")
    except FileNotFoundError:
        raise Http404(_("Le fichier de cet enregistrement est introuvable.")) from None
    extension = EXTENSIONS.get(recording.mime_type) or mimetypes.guess_extension(recording.mime_type) or ""
    item = recording.item_id or pgettext("file name", "aucun")
    name = f"debat-{meeting.pk}-item-{item}-{recording.pk}{extension}"
    return FileResponse(
        handle, content_type=recording.mime_type, as_attachment="telecharger" in request.GET, filename=name
    )
