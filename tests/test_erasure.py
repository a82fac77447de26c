"""Deleting a participant or a séance erases what named her everywhere it was
stored: the database (every text column), the mailings, the data folder."""

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import reverse

from abaque.debate.demo import silent_wav
from abaque.reports.models import Attachment, Delivery, Mailing

NAME, EMAIL = "Anne Leroy", "anne.leroy@exemple.fr"


def text_columns_holding(*needles):
    """Every (model, field) of the database whose text holds one of `needles`."""
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, (models.CharField, models.TextField, models.BinaryField)):
                for value in model._default_manager.values_list(field.attname, flat=True):
                    text = bytes(value).decode("latin1") if isinstance(value, (bytes, memoryview)) else str(value or "")
                    if any(needle.lower() in text.lower() for needle in needles):
                        found.append(f"{model.__name__}.{field.name}")
    return found


def files_holding(root, *needles):
    return [
        str(path)
        for path in root.rglob("*")
        if path.is_file() and any(needle.encode() in path.read_bytes() for needle in needles)
    ]


def test_deleting_a_participant_erases_her_from_the_mailings_and_their_documents(meeting, client_in, settings):
    anne = meeting.participants.get(name=NAME)
    anne.email = EMAIL
    anne.save()
    mailing = Mailing.objects.create(meeting=meeting, subject="Compte-rendu", body="Bonjour")
    Delivery.objects.create(mailing=mailing, participant=anne, name=anne.name, email=EMAIL)
    Attachment.objects.create(
        mailing=mailing,
        name="compte-rendu.odt",
        media_type="application/odt",
        content=f"Participants : {NAME}".encode(),
    )
    assert text_columns_holding(NAME, EMAIL)
    response = client_in.post(reverse("meetings:participant_delete", args=[meeting.pk, anne.pk]))
    assert response.status_code == 302
    assert text_columns_holding(NAME, EMAIL) == []
    assert files_holding(settings.DATA_DIR, NAME, EMAIL) == []
    assert Mailing.objects.filter(pk=mailing.pk).exists()  # the mailing itself stays, for the others


def test_deleting_a_seance_deletes_its_recordings_from_the_disk(
    meeting, client_in, settings, django_capture_on_commit_callbacks
):
    item = meeting.items.first()
    audio = SimpleUploadedFile("debat.wav", silent_wav(0.5), content_type="audio/wav")
    assert client_in.post(reverse("debate:recordings", args=[meeting.pk, item.pk]), {"file": audio}).status_code == 201
    files = [p for p in (settings.MEDIA_ROOT).rglob("*") if p.is_file()]
    assert len(files) == 1
    with django_capture_on_commit_callbacks(execute=True):
        assert client_in.post(reverse("meetings:delete", args=[meeting.pk])).status_code == 302
    assert [p for p in settings.MEDIA_ROOT.rglob("*") if p.is_file()] == []
    assert not files[0].parent.exists()


def test_a_participants_data_downloads_as_json_with_her_votes_items_and_mailings(meeting, client_in):
    from abaque.meetings.models import Item, Vote

    anne = meeting.participants.get(name=NAME)
    anne.email, anne.category = EMAIL, "Habitant"
    anne.save()
    item = meeting.items.first()
    Vote.objects.create(round=meeting.rounds.first(), item=item, participant=anne, code="VG")
    Item.objects.create(meeting=meeting, text="Un jardin partagé", author=anne, position=9)
    mailing = Mailing.objects.create(meeting=meeting, subject="Compte-rendu", body="Bonjour")
    Delivery.objects.create(mailing=mailing, participant=anne, name=NAME, email=EMAIL)
    assert (
        f"/seances/{meeting.pk}/participants/{anne.pk}/donnees.json"
        in client_in.get(reverse("meetings:participants", args=[meeting.pk])).content.decode()
    )
    response = client_in.get(reverse("reports:participant_data", args=[meeting.pk, anne.pk]))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    data = response.json()
    assert (data["nom"], data["e-mail"], data["catégorie"]) == (NAME, EMAIL, "Habitant")
    assert [(v["item"], v["vote"]) for v in data["votes"]] == [(item.text, "VG")]
    assert data["items proposés"] == ["Un jardin partagé"] and data["envois"][0]["adresse"] == EMAIL


def test_another_facilitator_cannot_download_a_participants_data(meeting, other_facilitator, client):
    client.force_login(other_facilitator)
    anne = meeting.participants.first()
    assert client.get(reverse("reports:participant_data", args=[meeting.pk, anne.pk])).status_code == 404


def test_a_facilitator_with_seances_can_be_deleted_and_takes_them_along(meeting, facilitator, settings):
    anne = meeting.participants.get(name=NAME)
    anne.email = EMAIL
    anne.save()
    facilitator.delete()
    assert text_columns_holding(NAME, EMAIL, "animatrice@pnr.fr") == []


def test_the_admin_confirms_a_facilitators_deletion_in_french_listing_her_seances(meeting, facilitator, client):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("admin", "admin@pnr.fr", "x-secret-2026")
    client.force_login(admin)
    page = client.get(f"/admin/auth/user/{facilitator.pk}/delete/").content.decode()
    assert "Voulez-vous vraiment supprimer" in page
    assert "séance" in page.lower()  # the summary counts the séances that go with her
