"""The debate on the projected screen: a full-screen page that refreshes its
fragment when the séance changes (WebSocket, or polling without it)."""

from django.shortcuts import render

from abaque.meetings.access import get_meeting

from ..speakers import projector_context


def projector(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    return render(request, "debate/projector.html", projector_context(meeting))


def projector_fragment(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    return render(request, "debate/_projector.html", projector_context(meeting))
