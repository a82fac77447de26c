"""Audio recordings of the debate: uploaded from the browser, checked, kept
under MEDIA_ROOT and served only to the séance's facilitator."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from abaque.debate import forms
from abaque.debate.demo import silent_wav
from abaque.debate.models import Recording


def wav_bytes() -> bytes:
    """A short, real, silent WAV file (half a second)."""
    return silent_wav(0.5)


def upload(client, meeting, item, content, content_type="audio/wav", duration="0.5"):
    audio = SimpleUploadedFile("debat.wav", content, content_type=content_type)
    return client.post(reverse("debate:recordings", args=[meeting.pk, item.pk]), {"file": audio, "duration": duration})


@pytest.fixture
def recording(meeting, client_in):
    response = upload(client_in, meeting, meeting.items.first(), wav_bytes())
    assert response.status_code == 201, response.content
    return Recording.objects.get(pk=response.json()["id"])


def test_an_uploaded_wav_is_kept_with_its_item_type_and_duration(recording, meeting, settings):
    assert recording.item == meeting.items.first()
    assert recording.mime_type == "audio/wav"
    assert recording.duration_seconds == 0.5
    assert recording.file.path.startswith(str(settings.MEDIA_ROOT))
    assert recording.file.read() == wav_bytes()


def test_the_codec_parameter_of_a_browser_recording_is_dropped(meeting, client_in):
    webm_head = b"\x1a\x45\xdf\xa3" + b"\x00" * 64
    response = upload(client_in, meeting, meeting.items.first(), webm_head, "audio/webm;codecs=opus", "12.3")
    assert response.status_code == 201
    assert Recording.objects.get().mime_type == "audio/webm"
    assert Recording.objects.get().file.name.endswith(".webm")


def test_the_list_under_the_item_plays_and_offers_the_download(recording, meeting, client_in):
    upload(client_in, meeting, meeting.items.first(), wav_bytes(), duration="65.4")
    html = client_in.get(reverse("debate:recordings", args=[meeting.pk, meeting.items.first().pk])).content.decode()
    url = reverse("debate:recording_file", args=[meeting.pk, recording.pk])
    assert f'<audio controls preload="none" src="{url}">' in html
    assert f"{url}?telecharger=1" in html
    assert "1:05" in html  # the second one's duration, as the browser measured it


def test_the_file_streams_inline_and_as_a_download(recording, meeting, client_in):
    url = reverse("debate:recording_file", args=[meeting.pk, recording.pk])
    inline = client_in.get(url)
    assert inline["Content-Type"] == "audio/wav"
    assert b"".join(inline.streaming_content) == wav_bytes()
    download = client_in.get(url + "?telecharger=1")
    assert download["Content-Disposition"].startswith("attachment;")
    assert ".wav" in download["Content-Disposition"]


def test_a_text_file_is_refused_even_when_it_claims_to_be_audio(meeting, client_in):
    item = meeting.items.first()
    claimed = upload(client_in, meeting, item, b"ceci n'est pas du son", "audio/webm")
    plain = upload(client_in, meeting, item, wav_bytes(), "text/plain")
    assert claimed.status_code == plain.status_code == 400
    assert claimed.json()["error"] == "Ce fichier n'est pas un enregistrement audio."
    assert not Recording.objects.exists()


def test_a_recording_over_the_size_limit_is_refused(meeting, client_in, monkeypatch):
    monkeypatch.setattr(forms, "MAX_RECORDING_BYTES", 100)
    response = upload(client_in, meeting, meeting.items.first(), wav_bytes())
    assert response.status_code == 400
    assert "200 Mo" in response.json()["error"]


def test_starting_and_stopping_shows_the_recording_on_the_projector(meeting, client_in):
    state = reverse("debate:recording_state", args=[meeting.pk])
    meeting.debate_item, meeting.phase = meeting.items.first(), meeting.Phase.DEBATE
    meeting.save()
    assert client_in.post(state, {"action": "start"}).json() == {"recording": True}
    meeting.refresh_from_db()
    assert meeting.recording_since is not None
    assert (
        "Enregistrement en cours"
        in client_in.get(reverse("live:projector_fragment", args=[meeting.pk])).content.decode()
    )
    assert client_in.post(state, {"action": "stop"}).json() == {"recording": False}
    meeting.refresh_from_db()
    assert meeting.recording_since is None
    assert (
        "Enregistrement en cours"
        not in client_in.get(reverse("live:projector_fragment", args=[meeting.pk])).content.decode()
    )


def test_another_seances_recording_answers_404(meeting, other_meeting, other_facilitator, client):
    client.force_login(other_facilitator)
    foreign = upload(client, other_meeting, other_meeting.items.first(), wav_bytes())
    assert foreign.status_code == 201
    client.force_login(meeting.facilitator)
    recording_id = foreign.json()["id"]
    assert client.get(reverse("debate:recording_file", args=[meeting.pk, recording_id])).status_code == 404
    assert client.get(reverse("debate:recording_file", args=[other_meeting.pk, recording_id])).status_code == 404
    assert upload(client, meeting, other_meeting.items.first(), wav_bytes()).status_code == 404


def test_a_recording_needs_the_csrf_token(meeting, csrf_client):
    response = upload(csrf_client, meeting, meeting.items.first(), wav_bytes())
    assert response.status_code == 403
    assert not Recording.objects.exists()


def test_a_recording_left_running_can_be_cleared_from_the_page(meeting, client_in):
    meeting.debate_item = meeting.items.first()
    meeting.save()
    client_in.post(reverse("debate:recording_state", args=[meeting.pk]), {"action": "start"})
    page = client_in.get(reverse("debate:page", args=[meeting.pk])).content.decode()
    assert 'id="rec-clear"' in page  # the script posts action=stop from it
