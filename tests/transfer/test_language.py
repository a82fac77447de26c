"""The import pages and their refusals follow the facilitator's language,
and the commands speak the active language."""

import io

from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from abaque.meetings.models import Meeting

from .test_views import upload


def in_english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_the_preview_is_english_for_an_english_facilitator(client_in, meeting):
    data = client_in.get(f"/transfert/seances/{meeting.pk}/archive/").content
    meeting.delete()
    response = upload(in_english(client_in), data)
    preview = client_in.get(response.url).content.decode()
    assert "It will become a new session of your account." in preview
    assert "<td>Voting rounds</td>" in preview and "Tours de vote" not in preview


def test_a_damaged_upload_is_refused_in_english(client_in, meeting):
    data = client_in.get(f"/transfert/seances/{meeting.pk}/archive/").content
    response = upload(in_english(client_in), data[:100])
    assert response.status_code == 400
    page = response.content.decode()
    assert "damaged, truncated, or not a zip file" in page and "endommagé" not in page
    assert "Import a session or process archive" in page


def test_the_export_and_import_commands_speak_the_active_language(meeting, tmp_path):
    file = tmp_path / "seance.zip"
    out = io.StringIO()
    with translation.override("en"):
        call_command("export", str(meeting.pk), "-o", str(file), stdout=out)
        Meeting.objects.all().delete()
        call_command("import", str(file), stdout=out)
    text = out.getvalue()
    assert "exported to" in text and "Voting rounds: 1" in text and "imported (no." in text
