"""The compte-rendu page, its downloads and the command line."""

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from abaque.reports.models import Delivery, Mailing
from tests.reports.test_data import voted_meeting


@pytest.fixture
def voted(facilitator):
    return voted_meeting(facilitator)


def test_the_report_page_offers_every_format_and_the_sending(client_in, voted):
    page = client_in.get(reverse("reports:index", args=[voted.pk])).content.decode()
    for fmt in ("pdf", "odt", "xlsx", "csv", "json"):
        assert reverse("reports:download", args=[voted.pk, fmt]) in page
    assert "Envoyer aux participants" in page
    assert "5 participants sur 6 ont une adresse e-mail" in page


def test_a_download_is_an_attachment_named_after_the_seance(client_in, voted):
    response = client_in.get(reverse("reports:download", args=[voted.pk, "csv"]))
    assert response["Content-Type"].startswith("text/csv")
    assert f'filename="compte-rendu-{voted.date:%Y-%m-%d}-regards-croises.csv"' in response["Content-Disposition"]
    assert response.content.decode("utf-8-sig").count("\n") == 1 + 36


def test_an_unknown_format_answers_404(client_in, voted):
    assert client_in.get(reverse("reports:download", args=[voted.pk, "docx"])).status_code == 404


def test_the_mailing_form_prefills_a_french_subject_and_lists_who_has_no_address(client_in, voted):
    page = client_in.get(reverse("reports:mailing_new", args=[voted.pk])).content.decode()
    assert "Compte-rendu de la séance « Regards croisés »" in page
    assert "Merci pour votre participation" in page
    assert "Pas d'adresse" in page and "Farid Benali" in page
    assert "Envoyer à 5 participants" in page


def test_an_empty_subject_is_refused_and_the_typed_text_kept(csrf_client, voted):
    url = reverse("reports:mailing_new", args=[voted.pk])
    csrf_client.get(url)
    token = csrf_client.cookies["csrftoken"].value
    response = csrf_client.post(url, {"subject": "", "body": "Mon texte à moi", "csrfmiddlewaretoken": token})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ce champ est obligatoire" in page and "Mon texte à moi" in page
    assert not Mailing.objects.exists()


def test_sending_without_a_csrf_token_is_refused(csrf_client, voted):
    response = csrf_client.post(reverse("reports:mailing_new", args=[voted.pk]), {"subject": "Objet", "body": "Texte"})
    assert response.status_code == 403


def test_the_pages_need_a_login(client, voted):
    response = client.get(reverse("reports:index", args=[voted.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.fixture
def others_mailing(other_meeting):
    mailing = Mailing.objects.create(meeting=other_meeting, subject="Objet", body="Texte")
    delivery = Delivery.objects.create(
        mailing=mailing,
        participant=other_meeting.participants.first(),
        name="Anne Leroy",
        email="anne@exemple.fr",
        status=Delivery.Status.FAILED,
    )
    return mailing, delivery


@pytest.mark.parametrize("name", ["reports:index", "reports:mailing_new"])
def test_another_facilitators_seance_answers_404(client_in, other_meeting, name):
    assert client_in.get(reverse(name, args=[other_meeting.pk])).status_code == 404


def test_another_facilitators_download_answers_404(client_in, other_meeting):
    assert client_in.get(reverse("reports:download", args=[other_meeting.pk, "pdf"])).status_code == 404


def test_another_facilitators_mailing_answers_404(client_in, meeting, others_mailing):
    mailing, _ = others_mailing
    assert client_in.get(reverse("reports:mailing", args=[mailing.meeting_id, mailing.pk])).status_code == 404
    # nor through one's own séance
    assert client_in.get(reverse("reports:mailing", args=[meeting.pk, mailing.pk])).status_code == 404


def test_another_facilitators_delivery_cannot_be_retried(client_in, meeting, others_mailing):
    mailing, delivery = others_mailing
    for meeting_id in (mailing.meeting_id, meeting.pk):
        url = reverse("reports:retry", args=[meeting_id, mailing.pk, delivery.pk])
        assert client_in.post(url).status_code == 404
    assert client_in.post(reverse("reports:retry_failed", args=[meeting.pk, mailing.pk])).status_code == 404
    assert client_in.post(reverse("reports:retry_failed", args=[mailing.meeting_id, mailing.pk])).status_code == 404
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.FAILED


def test_the_command_writes_the_report_in_the_chosen_format(voted, tmp_path):
    out = tmp_path / "cr.json"
    call_command("report", str(voted.pk), "--format", "json", "-o", str(out))
    assert '"question": "Selon vous, comment renforcer le lien social ?"' in out.read_text()
    call_command("report", str(voted.pk), "-o", str(tmp_path / "cr.pdf"))
    assert (tmp_path / "cr.pdf").read_bytes().startswith(b"%PDF")


def test_the_command_explains_an_unknown_seance_in_french(db):
    with pytest.raises(CommandError, match="Séance introuvable : il n'y a pas de séance numéro 999"):
        call_command("report", "999", "--format", "csv", "-o", "/tmp/jamais.csv")


def test_the_report_page_warns_when_nothing_was_voted_yet(client_in, meeting):
    page = client_in.get(reverse("reports:index", args=[meeting.pk])).content.decode()
    assert "Aucun vote n'est encore enregistré" in page
