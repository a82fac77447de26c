"""The archive from a séance's page, and the import by upload with its preview."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from abaque.meetings.models import Meeting
from abaque.transfer import archive


def upload(client, content, name="seance.zip"):
    return client.post("/transfert/importer/", {"archive": SimpleUploadedFile(name, content, "application/zip")})


def test_the_seance_page_offers_its_archive(client_in, meeting):
    page = client_in.get(f"/seances/{meeting.pk}/")
    assert f"/transfert/seances/{meeting.pk}/archive/".encode() in page.content
    response = client_in.get(f"/transfert/seances/{meeting.pk}/archive/")
    assert response.status_code == 200
    assert archive.JSON_NAME in zipfile.ZipFile(io.BytesIO(response.content)).namelist()


def test_another_facilitators_seance_has_no_archive_for_you(client_in, other_meeting):
    assert client_in.get(f"/transfert/seances/{other_meeting.pk}/archive/").status_code == 404


def test_an_upload_shows_a_preview_then_imports_on_confirmation(client_in, meeting, facilitator):
    data = client_in.get(f"/transfert/seances/{meeting.pk}/archive/").content
    meeting.delete()  # as on another installation, where it never was
    response = upload(client_in, data)
    assert response.status_code == 302
    preview = client_in.get(response.url).content.decode()
    assert "Regards croisés" in preview and "nouvelle séance" in preview
    assert '<td>Participants</td><td class="num">4</td>' in preview
    assert not Meeting.objects.exists()
    done = client_in.post(response.url)
    imported = Meeting.objects.get()
    assert done.url == f"/seances/{imported.pk}/"
    assert imported.facilitator == facilitator and imported.participants.count() == 4


def test_a_seance_of_another_account_here_is_refused_at_upload(client_in, meeting, other_facilitator, client):
    data = client_in.get(f"/transfert/seances/{meeting.pk}/archive/").content
    client.force_login(other_facilitator)
    response = upload(client, data)
    assert response.status_code == 400
    assert "autre compte" in response.content.decode()


def test_a_second_upload_is_offered_as_an_update(client_in, meeting):
    data = client_in.get(f"/transfert/seances/{meeting.pk}/archive/").content
    response = upload(client_in, data)
    preview = client_in.get(response.url).content.decode()
    assert "Déjà présente ici" in preview and "Mettre à jour" in preview
    done = client_in.post(response.url)
    assert done.url == f"/seances/{meeting.pk}/"
    assert Meeting.objects.count() == 1


def test_a_damaged_upload_is_refused_in_french(client_in, meeting):
    data = client_in.get(f"/transfert/seances/{meeting.pk}/archive/").content
    response = upload(client_in, data[:100])
    assert response.status_code == 400
    assert "endommagé, tronqué" in response.content.decode()


def test_an_upload_over_the_limit_is_refused(client_in, monkeypatch):
    monkeypatch.setattr(archive, "ARCHIVE_MAX_BYTES", 10)
    response = upload(client_in, b"x" * 100)
    assert response.status_code == 400
    assert "dépasse" in response.content.decode()


def test_a_pending_archive_of_someone_else_cannot_be_reached(client_in, meeting, other_facilitator):
    data = client_in.get(f"/transfert/seances/{meeting.pk}/archive/").content
    url = upload(client_in, data).url
    client_in.force_login(other_facilitator)
    assert client_in.get(url).status_code == 302  # not pending for this account: back to the upload form
    assert client_in.get("/transfert/importer/..%2F..%2Fsecret_key/").status_code == 404


def test_the_demarche_page_offers_its_archive_and_the_preview_lists_its_seances(client_in, facilitator):
    from abaque.plans.demo import load_all
    from abaque.plans.models import Process

    load_all(facilitator)
    process = Process.objects.get(owner=facilitator, territory__parent=None)
    assert f"/transfert/demarches/{process.pk}/archive/".encode() in client_in.get(f"/demarches/{process.pk}/").content
    data = client_in.get(f"/transfert/demarches/{process.pk}/archive/").content
    preview = client_in.get(upload(client_in, data, "demarche.zip").url).content.decode()
    assert "Démarche" in preview and "Séances jointes" in preview and "Déjà présente ici" in preview
