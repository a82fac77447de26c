"""A body larger than any upload is refused before it is read; a séance's
recordings have a quota; recordings are never served without the facilitator."""

import asyncio
import importlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import multipartparser
from django.urls import Resolver404, clear_url_caches, resolve, reverse

from abaque.body_limit import MAX_BODY_BYTES, AsgiBodyLimit
from abaque.debate import forms
from abaque.debate.demo import silent_wav


def test_a_201_mb_upload_is_refused_from_its_declared_length_without_being_parsed(meeting, client_in, monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("the body was parsed")

    monkeypatch.setattr(multipartparser.MultiPartParser, "parse", never)
    url = reverse("debate:recordings", args=[meeting.pk, meeting.items.first().pk])
    response = client_in.post(
        url, data=b"--x--", content_type="multipart/form-data; boundary=x", CONTENT_LENGTH=str(201 * 1024 * 1024)
    )
    assert response.status_code == 413
    assert response.json()["error"] == "Cet envoi dépasse 200 Mo : il n'a pas été reçu."


def run_asgi(headers, chunks):
    """Sends `chunks` as the body through AsgiBodyLimit; returns (what the app read, what was sent)."""
    read, sent = [], []

    async def app(scope, receive, send):
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            read.append(message["body"])
            if not message.get("more_body"):
                await send({"type": "http.response.start", "status": 201, "headers": []})
                return

    messages = [{"type": "http.request", "body": c, "more_body": i < len(chunks) - 1} for i, c in enumerate(chunks)]

    async def receive():
        return messages.pop(0)

    async def send(message):
        sent.append(message)

    asyncio.run(AsgiBodyLimit(app, limit=1000)({"type": "http", "headers": headers}, receive, send))
    return read, sent


def test_under_uvicorn_a_declared_oversize_body_is_refused_before_a_byte_is_read():
    read, sent = run_asgi([(b"content-length", b"5000")], [b"x" * 100])
    assert read == [] and sent[0]["status"] == 413


def test_under_uvicorn_a_body_without_length_is_cut_as_soon_as_it_passes_the_limit():
    read, sent = run_asgi([], [b"x" * 600, b"x" * 600, b"x" * 600])
    assert read == [b"x" * 600] and sent[0]["status"] == 413


def test_a_body_under_the_limit_goes_through():
    read, sent = run_asgi([(b"content-length", b"600")], [b"x" * 600])
    assert read == [b"x" * 600] and sent[0]["status"] == 201
    assert MAX_BODY_BYTES > forms.MAX_RECORDING_BYTES


def test_a_seance_over_its_recording_quota_refuses_one_more(meeting, client_in, monkeypatch):
    item = meeting.items.first()
    url = reverse("debate:recordings", args=[meeting.pk, item.pk])
    wav = silent_wav(0.5)
    monkeypatch.setattr(forms, "MAX_MEETING_RECORDINGS_BYTES", len(wav) + 10)
    assert client_in.post(url, {"file": SimpleUploadedFile("a.wav", wav, "audio/wav")}).status_code == 201
    response = client_in.post(url, {"file": SimpleUploadedFile("b.wav", wav, "audio/wav")})
    assert response.status_code == 413
    assert "supprimez-en" in response.json()["error"]


@pytest.fixture
def debug_urls(settings):
    import abaque.urls

    settings.DEBUG = True
    importlib.reload(abaque.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(abaque.urls)
    clear_url_caches()


def test_with_debug_on_recordings_are_not_served_outside_their_views(debug_urls):
    with pytest.raises(Resolver404):
        resolve("/media/recordings/meeting-1/item-1.wav")
