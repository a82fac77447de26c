"""The journal: who opened, closed or reopened a round, changed a vote in the
grid, reformulated an item, relaunched a cycle, sent a report."""

import json
import zipfile
from io import BytesIO

from django.test import Client

from abaque.accounts.journal import entries_for
from abaque.meetings.models import Meeting
from tests.conftest import build_meeting


def test_opening_closing_and_reopening_a_round_are_journaled(client_in, meeting, facilitator):
    client_in.post(f"/seances/{meeting.pk}/direct/ouvrir/")
    client_in.post(f"/seances/{meeting.pk}/direct/clore/")
    client_in.post(f"/seances/{meeting.pk}/direct/ouvrir/", {"confirm": "1"})
    actions = [e.action for e in entries_for(meeting)][::-1]
    assert actions == ["round_opened", "round_closed", "round_reopened"]
    assert entries_for(meeting)[0].actor == facilitator


def test_a_grid_vote_is_journaled_without_name_or_colour_in_an_anonymous_seance(client_in, facilitator):
    meeting = build_meeting(facilitator, mode=Meeting.Mode.ANONYMOUS)
    client_in.post(f"/seances/{meeting.pk}/direct/ouvrir/")
    participant, item = meeting.participants.first(), meeting.items.first()
    client_in.post(
        f"/seances/{meeting.pk}/tours/1/vote/", {"item": item.pk, "participant": participant.pk, "code": "RR"}
    )
    entry = entries_for(meeting)[0]
    assert entry.action == "grid_vote"
    assert participant.name not in entry.detail and "RR" not in entry.detail


def test_the_journal_shows_to_the_team_not_to_readers(client_in, meeting, reader):
    client_in.post(f"/seances/{meeting.pk}/direct/ouvrir/")
    assert "a ouvert le vote" in client_in.get(f"/seances/{meeting.pk}/").content.decode()
    client = Client()
    client.force_login(reader)
    assert "a ouvert le vote" not in client.get(f"/seances/{meeting.pk}/").content.decode()


def test_the_seance_archive_holds_the_journal(client_in, meeting):
    client_in.post(f"/seances/{meeting.pk}/direct/ouvrir/")
    response = client_in.get(f"/transfert/seances/{meeting.pk}/archive/")
    with zipfile.ZipFile(
        BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    ) as z:
        document = next(n for n in z.namelist() if n.endswith(".json"))
        data = json.loads(z.read(document))
    journal = data["content"]["journal"] if "content" in data else data["journal"]
    assert [row["action"] for row in journal] == ["round_opened"]
