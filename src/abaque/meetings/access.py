"""Fetching objects for the current user: one helper per type, so that no
view can reach another structure's séance (it answers 404), and a reader
changes nothing (403)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from .models import Item, Meeting, Participant, Round
from .rules import can_change_meeting, can_view_meeting

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def get_meeting(request, meeting_id, for_change: bool | None = None) -> Meeting:
    """The séance if the user may see it (else 404); if for_change (by
    default: any request that is not a read), only if they may change it
    (else 403)."""
    meeting = get_object_or_404(Meeting.objects.select_related("structure"), pk=meeting_id)
    if not can_view_meeting(request.user, meeting):
        raise Http404(_("Aucune séance ne correspond."))
    if for_change is None:
        for_change = request.method not in SAFE_METHODS
    may_change = can_change_meeting(request.user, meeting)
    if for_change and not may_change:
        raise PermissionDenied(_("Votre rôle de lecteur ne permet pas de modifier cette séance."))
    request.can_change_meeting = may_change  # for the templates, see context_processors.meeting_access
    return meeting


def get_participant(meeting, participant_id) -> Participant:
    return get_object_or_404(Participant, pk=participant_id, meeting=meeting)


def get_item(meeting, item_id) -> Item:
    return get_object_or_404(Item, pk=item_id, meeting=meeting)


def get_round(meeting, number) -> Round:
    return get_object_or_404(Round, number=number, meeting=meeting)
