"""The e-mails of an online phase, in French, plain text. Each returns the
French reason of a failure, or "" once the server took the message."""

import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import formats, timezone


def _url(phase, path: str) -> str:
    return phase.base_url.rstrip("/") + path


def _closing(phase) -> str:
    closes = phase.meeting.online_closes_at
    if not closes:
        return ""
    return f"Vous pouvez voter et changer vos votes jusqu'au {formats.date_format(timezone.localtime(closes), 'j F Y à H:i')}.\n\n"


def _send(subject: str, body: str, to: str) -> str:
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to], fail_silently=False)
    except (smtplib.SMTPException, OSError) as error:
        return f"Échec de l'envoi : {error}"[:300]
    return ""


def send_confirmation(phase, registration) -> str:
    link = _url(phase, reverse("online:confirm", args=[phase.slug, registration.confirm_token]))
    body = (
        "Bonjour,\n\n"
        f"Vous vous êtes inscrit à la consultation « {phase.meeting.title} ».\n"
        "Pour confirmer votre adresse et recevoir votre lien de vote, ouvrez ce lien :\n\n"
        f"{link}\n\n"
        "Si vous n'êtes pas à l'origine de cette inscription, ignorez ce message.\n"
    )
    return _send(f"Confirmez votre participation : {phase.meeting.title}", body, registration.email)


def ballot_link(phase, participant) -> str:
    return _url(phase, reverse("live:ballot", args=[participant.token]))


def send_link(phase, participant, email: str) -> str:
    body = (
        "Bonjour,\n\n"
        f"Votre adresse est confirmée. Voici votre lien de vote personnel pour « {phase.meeting.title} » :\n\n"
        f"{ballot_link(phase, participant)}\n\n"
        f"{_closing(phase)}"
        "Gardez ce message : ce lien est personnel, ne le transmettez pas.\n"
    )
    return _send(f"Votre lien de vote : {phase.meeting.title}", body, email)


def send_invitation(phase, invitation) -> str:
    meeting = phase.meeting
    body = (
        "Bonjour,\n\n"
        f"Vous êtes invité à donner votre avis sur la question « {meeting.question} » "
        f"(séance « {meeting.title} »).\n\n"
        f"Votre lien de vote personnel :\n{ballot_link(phase, invitation.participant)}\n\n"
        f"{_closing(phase)}"
        "Ce lien est personnel : ne le transmettez pas.\n"
    )
    return _send(f"Invitation : {meeting.title}", body, invitation.email)


def send_reminder(phase, invitation) -> str:
    meeting = phase.meeting
    body = (
        "Bonjour,\n\n"
        f"Vous n'avez pas encore voté sur tous les items de « {meeting.title} ».\n\n"
        f"Votre lien de vote personnel :\n{ballot_link(phase, invitation.participant)}\n\n"
        f"{_closing(phase)}"
    )
    return _send(f"Rappel : {meeting.title}", body, invitation.email)
