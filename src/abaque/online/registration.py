"""Public consultations: register, confirm the address, get one's link.

One voter per confirmed address: the address is kept as a keyed digest
(HMAC with the server's secret key), its clear text only until it is
confirmed. A participant exists only once the address is confirmed, so no
unconfirmed vote can ever count."""

import hashlib
import hmac

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from abaque.meetings.ballots import add_ballots, claim_time
from abaque.meetings.models import Participant
from abaque.meetings.notify import meeting_changed

from . import mail
from .models import OnlinePhase, Registration, new_confirm_token

ALREADY = _("Cette adresse est déjà inscrite : votre lien de vote personnel vous a été envoyé par e-mail.")
EXCLUDED = _("Cette adresse ne peut plus participer à cette consultation.")
CLOSED = _("La consultation n'est pas ouverte : l'inscription n'est pas possible.")
USED = _("Ce lien de confirmation a déjà servi : votre lien de vote personnel vous a été envoyé par e-mail.")


class RegistrationRefused(Exception):
    pass


def normalise(email: str) -> str:
    return email.strip().lower()


def digest(phase: OnlinePhase, email: str) -> str:
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, f"{phase.slug}:{normalise(email)}".encode(), hashlib.sha256).hexdigest()


def register(phase: OnlinePhase, email: str, name="", commune="", category="") -> Registration:
    """A registration waiting for its address to be confirmed, and the
    confirmation e-mail sent. Registering again before confirming sends a
    new link (the first one may have been lost)."""
    if not phase.is_open():
        raise RegistrationRefused(CLOSED)
    fields = {"email": normalise(email), "name": name, "commune": commune, "category": category}
    with transaction.atomic():
        registration, created = Registration.objects.select_for_update().get_or_create(
            phase=phase, email_digest=digest(phase, email), defaults=fields
        )
        if registration.excluded:
            raise RegistrationRefused(EXCLUDED)
        if registration.confirmed_on:
            raise RegistrationRefused(ALREADY)
        if not created:
            for key, value in fields.items():
                setattr(registration, key, value)
            registration.confirm_token = new_confirm_token()
            registration.save()
    mail.send_confirmation(phase, registration)
    return registration


def confirm(phase: OnlinePhase, token: str) -> Participant:
    """The address is confirmed: its participant is made, online, and the
    personal link is sent to the address. Claimed by a conditional UPDATE:
    a link opened twice at once makes one participant."""
    meeting = phase.meeting
    with transaction.atomic():
        registration = Registration.objects.filter(phase=phase, confirm_token=token).first()
        if registration is None or registration.excluded:
            raise RegistrationRefused(USED)
        if not Registration.objects.filter(pk=registration.pk, confirm_token=token).update(
            confirm_token=None, confirmed_on=timezone.localdate()
        ):
            raise RegistrationRefused(USED)
        email = registration.email
        participant = _new_participant(phase, registration)
        # What stays of the registration: the digest (one voter per address),
        # and, in a nominative séance only, which participant it made.
        Registration.objects.filter(pk=registration.pk).update(
            email="",
            name="",
            commune="",
            category="",
            participant=None if meeting.is_anonymous else participant,
        )
        meeting_changed(meeting.pk, "phones")
    mail.send_link(phase, participant, email)
    return participant


def _new_participant(phase, registration) -> Participant:
    meeting = phase.meeting
    category = registration.category if phase.ask_category else ""
    if meeting.is_anonymous:
        participant = add_ballots(meeting, 1)[0]
        participant.category = category if meeting.collect_categories else ""
        participant.claimed_at = claim_time(meeting)
    else:
        participant = Participant(
            meeting=meeting,
            name=registration.name or gettext("Participant en ligne"),
            category=category,
            email=registration.email,
            position=(meeting.participants.count() + 1),
            claimed_at=timezone.now(),
        )
    participant.commune = registration.commune if phase.ask_commune else ""
    participant.origin = Participant.Origin.ONLINE
    participant.save()
    return participant


@transaction.atomic
def exclude(phase: OnlinePhase, participant: Participant) -> None:
    """The participant and their votes go; in a nominative séance their
    address is also barred from registering again (an anonymous séance keeps
    no link from an address to a participant, so it cannot)."""
    Registration.objects.filter(phase=phase, participant=participant).update(excluded=True)
    meeting_id = participant.meeting_id
    participant.delete()
    meeting_changed(meeting_id, "votes")
