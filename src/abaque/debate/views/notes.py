"""Notes typed during the debate, saved as they are typed (the page's script
sends the whole text after each pause; the last one wins)."""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from abaque.meetings.access import get_item, get_meeting

from ..forms import NoteForm
from ..models import Note


def timestamp_ms(moment) -> int:
    """Milliseconds since the epoch: what the browser compares with its own
    unsaved copy."""
    return int(moment.timestamp() * 1000)


@require_POST
def save_note(request, meeting_id, item_id):
    meeting = get_meeting(request, meeting_id)
    item = get_item(meeting, item_id)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"error": _("Note trop longue : elle n'a pas été enregistrée.")}, status=400)
    note, _created = Note.objects.update_or_create(
        meeting=meeting, item=item, defaults={"text": form.cleaned_data["text"]}
    )
    return JsonResponse({"saved": True, "updated_at": timestamp_ms(note.updated_at)})
