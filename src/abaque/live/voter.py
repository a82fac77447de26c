"""A phone as a nominative voting box: the participant's personal token,
kept in our own cookie (never the session, whose key changes at login)."""

from django.shortcuts import get_object_or_404
from django.utils import timezone

from abaque.meetings.ballots import MAX_BALLOTS, add_ballots, claim_time
from abaque.meetings.models import Participant
from abaque.meetings.notify import meeting_changed

COOKIE = "abaque_voter"
COOKIE_MAX_AGE = 60 * 60 * 24 * 400  # browsers cap cookies at about 400 days


def participant_for(token: str) -> Participant:
    """The only way a phone endpoint finds its participant: from the token."""
    return get_object_or_404(Participant.objects.select_related("meeting"), token=token)


def cookie_participant(request, meeting=None) -> Participant | None:
    """The participant this phone is bound to, if any (and in this séance)."""
    token = request.COOKIES.get(COOKIE)
    if not token:
        return None
    found = Participant.objects.filter(token=token)
    if meeting is not None:
        found = found.filter(meeting=meeting)
    return found.select_related("meeting").first()


def bind(response, participant: Participant):
    """Remember the participant on this phone."""
    response.set_cookie(COOKIE, participant.token, max_age=COOKIE_MAX_AGE, httponly=True, samesite="Lax")
    return response


def claim(participant: Participant, token_on_phone: str | None = None) -> bool:
    """Take a free name for this phone. One atomic UPDATE, so two phones
    tapping the same name at once cannot both win."""
    if token_on_phone == participant.token:
        return True
    return _take(participant)


def _take(participant: Participant, **fields) -> bool:
    meeting = participant.meeting
    when = claim_time(meeting) if meeting.is_anonymous else timezone.now()
    taken = Participant.objects.filter(pk=participant.pk, claimed_at__isnull=True).update(claimed_at=when, **fields)
    if taken:  # the facilitator's panel shows which names are bound
        meeting_changed(participant.meeting_id, "phones")
    return taken == 1


def take_ballot(meeting, category: str = "") -> Participant | None:
    """Anonymous séances: the phone takes the next free ballot, or a new one
    (the facilitator need not have prepared them). The category is kept only
    if the séance collects categories."""
    fields = {"category": category} if meeting.collect_categories else {}
    for _ in range(3):  # another phone may take the new ballot first
        free = list(meeting.participants.filter(claimed_at__isnull=True)[:20])
        if not free and meeting.participants.count() < MAX_BALLOTS:
            free = add_ballots(meeting, 1)
        for participant in free:
            participant.meeting = meeting
            if _take(participant, **fields):
                participant.refresh_from_db()
                return participant
    return None


def mark_claimed(participant: Participant) -> None:
    """Opening a personal link (a printed card) binds the phone too."""
    if participant.claimed_at is None:
        _take(participant)
