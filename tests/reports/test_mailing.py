"""Sending the compte-rendu through a real SMTP server running in the test
process (aiosmtpd), read back with the email package."""

import email
import socket
from email import policy
from html import unescape

import pytest
from aiosmtpd.controller import Controller
from django.urls import reverse

from abaque.reports.models import Delivery, Mailing
from tests.reports.test_data import voted_meeting


class Recorder:
    """An SMTP server's handler that keeps what it receives and refuses
    the addresses it is told to."""

    def __init__(self):
        self.messages = []
        self.refused = set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(settings) -> Recorder:
    """Start an SMTP server on a free port and point Django's SMTP backend at it."""
    recorder = Recorder()
    recorder.controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    recorder.controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", recorder.controller.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.DEFAULT_FROM_EMAIL = "animation@pnr-haut-vallon.fr"
    return recorder


@pytest.fixture
def smtp(settings):
    recorder = serve(settings)
    yield recorder
    recorder.controller.stop(no_assert=True)


@pytest.fixture
def voted(facilitator):
    return voted_meeting(facilitator)


@pytest.fixture
def addressed(meeting):
    """A séance without votes yet (a short PDF, a fast test), three addresses."""
    for i, p in enumerate(meeting.participants.all()[:3]):
        p.email = f"participant{i + 1}@exemple.fr"
        p.save()
    return meeting


def post(client, url, data=None):
    client.get(reverse("meetings:list"))  # sets the CSRF cookie
    return client.post(url, {**(data or {}), "csrfmiddlewaretoken": client.cookies["csrftoken"].value})


def send_report(client, meeting, **extra):
    data = {"subject": "Compte-rendu de la séance", "body": "Bonjour,\nle compte-rendu est joint.", **extra}
    response = post(client, reverse("reports:mailing_new", args=[meeting.pk]), data)
    assert response.status_code == 302
    return Mailing.objects.get(meeting=meeting)


def statuses(mailing):
    return {d.email or d.name: d.status for d in mailing.deliveries.all()}


def test_it_sends_the_pdf_and_the_odt_to_every_participant_with_an_address(csrf_client, voted, smtp):
    mailing = send_report(csrf_client, voted, attach_odt="on")
    assert sorted(m["To"] for m in smtp.messages) == [f"participant{i}@exemple.fr" for i in range(1, 6)]
    message = smtp.messages[0]
    assert message["Subject"] == "Compte-rendu de la séance"
    assert message["From"] == "animation@pnr-haut-vallon.fr"
    assert "le compte-rendu est joint" in message.get_body(("plain",)).get_content()
    attachments = {part.get_filename(): part for part in message.iter_attachments()}
    names = sorted(attachments)
    assert [n.rsplit(".", 1)[1] for n in names] == ["odt", "pdf"]
    pdf = next(part for name, part in attachments.items() if name.endswith(".pdf"))
    assert pdf.get_content_type() == "application/pdf"
    assert pdf.get_content().startswith(b"%PDF")
    assert statuses(mailing) == {
        **{f"participant{i}@exemple.fr": Delivery.Status.SENT for i in range(1, 6)},
        "Farid Benali": Delivery.Status.NO_ADDRESS,
    }
    page = csrf_client.get(reverse("reports:mailing", args=[voted.pk, mailing.pk])).content.decode()
    assert "Envoyé : 5" in page and "Pas d&#x27;adresse : 1" in page


def test_a_refused_recipient_is_marked_failed_then_the_retry_succeeds(csrf_client, addressed, smtp):
    smtp.refused.add("participant2@exemple.fr")
    mailing = send_report(csrf_client, addressed)
    failed = mailing.deliveries.get(email="participant2@exemple.fr")
    assert failed.status == Delivery.Status.FAILED
    assert "Adresse refusée" in failed.error and "550" in failed.error
    assert len(smtp.messages) == 2
    page = csrf_client.get(reverse("reports:mailing", args=[addressed.pk, mailing.pk])).content.decode()
    assert "Échec : 1" in page and "Réessayer" in page and "Mailbox unavailable" in page

    smtp.refused.clear()
    post(csrf_client, reverse("reports:retry", args=[addressed.pk, mailing.pk, failed.pk]))
    failed.refresh_from_db()
    assert (failed.status, failed.error) == (Delivery.Status.SENT, "")
    assert smtp.messages[-1]["To"] == "participant2@exemple.fr"
    assert len(smtp.messages) == 3  # nobody else received it twice


def test_the_sending_page_says_the_mail_server_answers(csrf_client, addressed, smtp):
    page = unescape(csrf_client.get(reverse("reports:mailing_new", args=[addressed.pk])).content.decode())
    assert "Serveur d'envoi joignable (127.0.0.1:" in page
    assert 'type="submit">Envoyer à 3 participants' in page  # the button is enabled


def test_without_a_mail_server_the_page_says_what_to_do_and_nothing_is_sent(csrf_client, addressed, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nothing listens there
    page = unescape(csrf_client.get(reverse("reports:mailing_new", args=[addressed.pk])).content.decode())
    assert "Aucun serveur d'envoi joignable" in page and "ne répond pas (connexion refusée)" in page
    assert "téléchargez le PDF" in page and "depuis votre propre messagerie" in page
    assert reverse("reports:download", args=[addressed.pk, "pdf"]) in page
    assert 'type="submit" disabled>Envoyer' in page
    data = {"subject": "Compte-rendu", "body": "Bonjour"}
    response = post(csrf_client, reverse("reports:mailing_new", args=[addressed.pk]), data)
    assert response.status_code == 200 and "Rien n'a été envoyé" in unescape(response.content.decode())
    assert not Mailing.objects.filter(meeting=addressed).exists()


def test_a_server_that_stops_during_the_sending_fails_every_delivery_until_it_is_back(csrf_client, addressed, settings):
    gone = serve(settings)
    csrf_client.get(reverse("reports:mailing_new", args=[addressed.pk]))  # checked: it answers
    gone.controller.stop()  # then it goes away before « Envoyer »
    mailing = send_report(csrf_client, addressed)
    assert set(statuses(mailing).values()) == {Delivery.Status.FAILED, Delivery.Status.NO_ADDRESS}
    first = mailing.deliveries.filter(status=Delivery.Status.FAILED).first()
    assert "Serveur d'envoi injoignable" in first.error

    settings.EMAIL_PORT = free_port()
    back = serve(settings)
    try:
        post(csrf_client, reverse("reports:retry", args=[addressed.pk, mailing.pk, first.pk]))
        first.refresh_from_db()
        assert first.status == Delivery.Status.SENT
        assert [m["To"] for m in back.messages] == [first.email]
        # then every remaining failure at once
        post(csrf_client, reverse("reports:retry_failed", args=[addressed.pk, mailing.pk]))
    finally:
        back.controller.stop()
    assert sorted(m["To"] for m in back.messages) == [f"participant{i}@exemple.fr" for i in (1, 2, 3)]
    assert set(statuses(mailing).values()) == {Delivery.Status.SENT, Delivery.Status.NO_ADDRESS}


def test_a_retry_uses_the_participants_corrected_address(csrf_client, addressed, smtp):
    smtp.refused.add("participant1@exemple.fr")
    mailing = send_report(csrf_client, addressed)
    failed = mailing.deliveries.get(status=Delivery.Status.FAILED)
    failed.participant.email = "anne.leroy@exemple.fr"
    failed.participant.save()
    post(csrf_client, reverse("reports:retry", args=[addressed.pk, mailing.pk, failed.pk]))
    failed.refresh_from_db()
    assert (failed.status, failed.email) == (Delivery.Status.SENT, "anne.leroy@exemple.fr")
