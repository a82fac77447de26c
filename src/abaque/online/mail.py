"""The e-mails of an online phase, plain text, in the séance's language
(also when the scheduler sends them, outside any request). Each returns the
reason of a failure, or "" once the server took the message."""

import smtplib
from functools import wraps

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from abaque.meetings.language import in_meeting_language


def _url(phase, path: str) -> str:
    return phase.base_url.rstrip("/") + path


def _closing(phase) -> str:
    closes = phase.meeting.online_closes_at
    if not closes:
        return ""
    when = formats.date_format(timezone.localtime(closes), pgettext("date format", "j F Y à H:i"))
    return _("Vous pouvez voter et changer vos votes jusqu'au %(when)s.") % {"when": when} + "\n\n"


def _send(subject: str, body: str, to: str) -> str:
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to], fail_silently=False)
    except (smtplib.SMTPException, OSError) as error:
        return (_("Échec de l'envoi : %(error)s") % {"error": error})[:300]
    return ""


def in_phase_language(write):
    """The message is written in the language of the phase's séance."""

    @wraps(write)
    def run(phase, *args, **kwargs):
        with in_meeting_language(phase.meeting):
            return write(phase, *args, **kwargs)

    return run


@in_phase_language
def send_confirmation(phase, registration) -> str:
    link = _url(phase, reverse("online:confirm", args=[phase.slug, registration.confirm_token]))
    body = _(
        "Bonjour,\n\n"
        "Vous vous êtes inscrit à la consultation « %(title)s ».\n"
        "Pour confirmer votre adresse et recevoir votre lien de vote, ouvrez ce lien :\n\n"
        "%(link)s\n\n"
        "Si vous n'êtes pas à l'origine de cette inscription, ignorez ce message.\n"
    ) % {"title": phase.meeting.title, "link": link}
    subject = _("Confirmez votre participation : %(title)s") % {"title": phase.meeting.title}
    return _send(subject, body, registration.email)


def ballot_link(phase, participant) -> str:
    return _url(phase, reverse("live:ballot", args=[participant.token]))


@in_phase_language
def send_link(phase, participant, email: str) -> str:
    body = _(
        "Bonjour,\n\n"
        "Votre adresse est confirmée. Voici votre lien de vote personnel pour « %(title)s » :\n\n"
        "%(link)s\n\n"
    ) % {"title": phase.meeting.title, "link": ballot_link(phase, participant)}
    body += _closing(phase) + _("Gardez ce message : ce lien est personnel, ne le transmettez pas.") + "\n"
    return _send(_("Votre lien de vote : %(title)s") % {"title": phase.meeting.title}, body, email)


@in_phase_language
def send_invitation(phase, invitation) -> str:
    meeting = phase.meeting
    body = _(
        "Bonjour,\n\n"
        "Vous êtes invité à donner votre avis sur la question « %(question)s » (séance « %(title)s »).\n\n"
        "Votre lien de vote personnel :\n%(link)s\n\n"
    ) % {"question": meeting.question, "title": meeting.title, "link": ballot_link(phase, invitation.participant)}
    body += _closing(phase) + _("Ce lien est personnel : ne le transmettez pas.") + "\n"
    return _send(_("Invitation : %(title)s") % {"title": meeting.title}, body, invitation.email)


@in_phase_language
def send_reminder(phase, invitation) -> str:
    meeting = phase.meeting
    body = _(
        "Bonjour,\n\n"
        "Vous n'avez pas encore voté sur tous les items de « %(title)s ».\n\n"
        "Votre lien de vote personnel :\n%(link)s\n\n"
    ) % {"title": meeting.title, "link": ballot_link(phase, invitation.participant)}
    body += _closing(phase)
    return _send(_("Rappel : %(title)s") % {"title": meeting.title}, body, invitation.email)
