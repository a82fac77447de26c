"""A séance's own language: what its participants read, whatever the
facilitator's pages are in."""

from django.utils import translation


def in_meeting_language(meeting):
    """`with in_meeting_language(meeting): …` renders phones, projector,
    public pages, e-mails and the compte-rendu in the séance's language."""
    return translation.override(meeting.language)
