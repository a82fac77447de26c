"""Invitations of an online phase: the séance's participants with an
address, plus addresses pasted by the facilitator. The scheduler sends them
once the phase is open (scheduler.send_invitations)."""

from email.utils import parseaddr

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from abaque.meetings.ballots import add_ballots
from abaque.meetings.models import MAX_PARTICIPANTS, Participant

from .models import Invitation, OnlinePhase


def parse_addresses(text: str) -> tuple[list[tuple[str, str]], list[str]]:
    """(name, address) pairs, and the lines that are no address."""
    found, bad = [], []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        name, address = parseaddr(line)
        try:
            validate_email(address)
        except ValidationError:
            bad.append(line)
            continue
        found.append((name.strip(), address.strip().lower()))
    return found, bad


@transaction.atomic
def invite(phase: OnlinePhase, pasted: list[tuple[str, str]]) -> int:
    """Invitations for every participant with an address not yet invited,
    and a new online participant for each pasted address not already in the
    séance. Returns how many invitations were added."""
    meeting = phase.meeting
    known = {email.lower() for email in meeting.participants.exclude(email="").values_list("email", flat=True)}
    known |= set(phase.invitations.values_list("email", flat=True))
    room = max(0, MAX_PARTICIPANTS - meeting.participants.count())
    fresh = []
    for name, address in pasted[:room]:
        if address in known:
            continue
        known.add(address)
        if meeting.is_anonymous:
            participant = add_ballots(meeting, 1)[0]
        else:
            participant = Participant.objects.create(
                meeting=meeting,
                name=name or address.split("@")[0],
                email=address,
                position=meeting.participants.count() + 1,
            )
        fresh.append((participant, address))
    invited = set(phase.invitations.values_list("participant_id", flat=True)) | {p.pk for p, _ in fresh}
    for participant in meeting.participants.exclude(email=""):
        if participant.pk not in invited:
            fresh.append((participant, participant.email.lower()))
    Invitation.objects.bulk_create([Invitation(phase=phase, participant=p, email=a) for p, a in fresh])
    Participant.objects.filter(pk__in=[p.pk for p, _ in fresh]).update(origin=Participant.Origin.ONLINE)
    return len(fresh)
