"""Sending the compte-rendu to every participant with an address, over one
SMTP connection, keeping each recipient's outcome so failures can be retried."""

from __future__ import annotations

import smtplib
import socket
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from abaque.meetings.language import in_meeting_language
from abaque.templatetags.abaque import fr_date

from .content import build_report
from .formats import FORMATS, filename, render
from .models import Attachment, Delivery, Mailing


def default_subject(meeting) -> str:
    """The e-mail's subject, in the séance's language (its participants read it)."""
    with in_meeting_language(meeting):
        return _("Compte-rendu de la séance « %(title)s » du %(date)s") % {
            "title": meeting.title,
            "date": fr_date(meeting.date, "j F Y"),
        }


def default_body(meeting) -> str:
    """The e-mail's text, in the séance's language; the facilitator may edit it."""
    user = meeting.facilitator
    with in_meeting_language(meeting):
        place = _(" (%(place)s)") % {"place": meeting.place} if meeting.place else ""
        return _(
            "Bonjour,\n\n"
            "Merci pour votre participation à la séance du %(date)s%(place)s.\n\n"
            "Vous trouverez ci-joint le compte-rendu : la question « %(question)s », "
            "les matrices des votes, les consensus, les dissensus et les notes du débat.\n\n"
            "N'hésitez pas à me faire part de vos remarques.\n\n"
            "Bien cordialement,\n%(name)s"
        ) % {
            "date": fr_date(meeting.date, "j F Y"),
            "place": place,
            "question": meeting.question,
            "name": user.first_name or user.username,
        }


def attachment_names(keys, meeting) -> list[str]:
    return [filename(meeting, key) for key in keys]


@transaction.atomic
def create_mailing(meeting, **fields) -> Mailing:
    """The mailing, its documents and one delivery per participant, before
    anything is sent, so that an interrupted sending still shows who waits."""
    mailing = Mailing.objects.create(meeting=meeting, **fields)
    report = build_report(meeting)  # the documents in the séance's language (see content, formats)
    Attachment.objects.bulk_create(
        [
            Attachment(
                mailing=mailing,
                name=filename(meeting, key),
                media_type=FORMATS[key].media_type,
                content=render(meeting, key, report),
            )
            for key in mailing.formats()
        ]
    )
    Delivery.objects.bulk_create(
        [
            Delivery(
                mailing=mailing,
                participant=p,
                name=p.name,
                email=p.email,
                status=Delivery.Status.PENDING if p.email else Delivery.Status.NO_ADDRESS,
            )
            for p in meeting.participants.all()
        ]
    )
    return mailing


def send(mailing: Mailing, deliveries) -> None:
    """Send to `deliveries` over one connection; each one ends sent or failed."""
    deliveries = list(deliveries)
    if not deliveries:
        return
    files = [(a.name, bytes(a.content), a.media_type.split(";")[0]) for a in mailing.attachments.all()]
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
    except (smtplib.SMTPException, OSError) as error:
        for delivery in deliveries:
            _record(delivery, error)
        return
    try:
        for delivery in deliveries:
            _send_one(connection, mailing, delivery, files)
    finally:
        _close(connection)


def send_pending(mailing: Mailing) -> None:
    send(mailing, mailing.deliveries.filter(status=Delivery.Status.PENDING))


def retry(delivery: Delivery) -> None:
    """Send again, to the participant's current address if it was corrected."""
    if delivery.participant and delivery.participant.email:
        delivery.email = delivery.participant.email
    send(delivery.mailing, [delivery])


def _send_one(connection, mailing, delivery, files):
    message = EmailMessage(
        mailing.subject, mailing.body, settings.DEFAULT_FROM_EMAIL, [delivery.email], connection=connection
    )
    for name, content, media_type in files:
        message.attach(name, content, media_type)
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        _record(delivery, error)
    else:
        _record(delivery, None)


def _record(delivery: Delivery, error: Exception | None) -> None:
    delivery.status = Delivery.Status.FAILED if error else Delivery.Status.SENT
    delivery.error = describe(error) if error else ""
    delivery.sent_at = None if error else timezone.now()
    delivery.save(update_fields=["status", "error", "sent_at", "email"])


def describe(error: Exception) -> str:
    """The reason of a failure, in the facilitator's language, with the server's own words."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        reasons = "; ".join(f"{code} {text.decode(errors='replace')}" for code, text in error.recipients.values())
        return _("Adresse refusée par le serveur d'envoi : %(reasons)s") % {"reasons": reasons}
    if isinstance(error, smtplib.SMTPAuthenticationError):
        return _("Identifiant ou mot de passe du serveur d'envoi refusé.")
    if isinstance(error, (ConnectionError, smtplib.SMTPServerDisconnected, TimeoutError)):
        return _("Serveur d'envoi injoignable (%(where)s) : %(error)s") % {
            "where": f"{settings.EMAIL_HOST}:{settings.EMAIL_PORT}",
            "error": error,
        }
    return _("Échec de l'envoi : %(error)s") % {"error": error}


def _close(connection) -> None:
    try:
        connection.close()
    except (smtplib.SMTPException, OSError):
        pass  # the server went away: every delivery already has its status


# Checking the mail server before anything is sent: a quick SMTP greeting,
# remembered a few seconds so that reloading the page does not wait again.
PROBE_TIMEOUT = 2.0  # seconds; a server on the local network answers in milliseconds
PROBE_CACHE_SECONDS = 10.0
SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


@dataclass(frozen=True)
class MailServer:
    ok: bool
    where: str  # host:port, as the facilitator may tell whoever installs Abaque
    problem: str = ""  # why not, in plain words (the facilitator's language when probed)


_probes: dict[tuple, tuple[float, MailServer]] = {}


def mail_server() -> MailServer:
    """Whether the configured mail server is there and answers, checked now."""
    where = f"{settings.EMAIL_HOST}:{settings.EMAIL_PORT}"
    if settings.EMAIL_BACKEND != SMTP_BACKEND:
        return MailServer(True, where)  # a file, console or test backend always takes the mail
    key = (settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_SSL)
    cached = _probes.get(key)
    if cached and time.monotonic() - cached[0] < PROBE_CACHE_SECONDS:
        return cached[1]
    server = _probe(where)
    _probes[key] = (time.monotonic(), server)
    return server


def _probe(where: str) -> MailServer:
    smtp_class = smtplib.SMTP_SSL if settings.EMAIL_USE_SSL else smtplib.SMTP
    try:
        with smtp_class(settings.EMAIL_HOST, settings.EMAIL_PORT, timeout=PROBE_TIMEOUT) as connection:
            code, _reply = connection.noop()
    except (OSError, smtplib.SMTPException) as error:
        problem = _("le serveur d'envoi %(where)s ne répond pas (%(why)s).") % {"where": where, "why": _why(error)}
        return MailServer(False, where, problem)
    if code != 250:
        problem = _("le serveur d'envoi %(where)s refuse la connexion (code %(code)s).") % {
            "where": where,
            "code": code,
        }
        return MailServer(False, where, problem)
    return MailServer(True, where)


def _why(error: Exception) -> str:
    if isinstance(error, ConnectionRefusedError):
        return _("connexion refusée")
    if isinstance(error, TimeoutError):
        return _("pas de réponse en %(seconds)s s") % {"seconds": f"{PROBE_TIMEOUT:g}"}
    if isinstance(error, socket.gaierror):
        return _("nom de serveur inconnu")
    return str(error)
