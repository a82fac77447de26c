"""Fetching objects for the current facilitator: one helper per type, so that
no view can reach another facilitator's séance (it answers 404)."""

from django.shortcuts import get_object_or_404

from .models import Item, Meeting, Participant, Round


def get_meeting(request, meeting_id) -> Meeting:
    return get_object_or_404(Meeting, pk=meeting_id, facilitator=request.user)


def get_participant(meeting, participant_id) -> Participant:
    return get_object_or_404(Participant, pk=participant_id, meeting=meeting)


def get_item(meeting, item_id) -> Item:
    return get_object_or_404(Item, pk=item_id, meeting=meeting)


def get_round(meeting, number) -> Round:
    return get_object_or_404(Round, number=number, meeting=meeting)
