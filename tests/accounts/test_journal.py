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


def test_rewording_an_item_and_starting_a_round_are_journaled(client_in, meeting):
    from tests.builders import run_round

    run_round(meeting.current_round(), ["VG RR VG G", "G G O R", "VG VG VG VG"])
    item = meeting.items.first()
    response = client_in.post(
        f"/seances/{meeting.pk}/debat/items/{item.pk}/reformuler/",
        {"text": "Un café associatif ouvert le dimanche", "reason": "Malentendu sur les horaires"},
    )
    assert response.status_code == 302
    entry = entries_for(meeting)[0]
    assert entry.action == "item_reworded"
    assert "Créer un café associatif" in entry.detail and "ouvert le dimanche" in entry.detail
    client_in.post(f"/seances/{meeting.pk}/debat/nouveau-tour/", {"items": [item.pk]})
    assert entries_for(meeting)[0].action == "round_started"


def test_relaunching_a_cycle_is_journaled_on_the_demarche(client_in, facilitator):
    from tests.builders import make_process

    process = make_process(facilitator)
    cycle = process.cycles.get()
    response = client_in.post(f"/demarches/{process.pk}/{cycle.year}/relancer/")
    assert response.status_code == 302
    entry = entries_for(process)[0]
    assert (entry.action, entry.actor) == ("cycle_relaunched", facilitator)
    assert str(cycle.year) in entry.detail and str(cycle.year + 1) in entry.detail


def test_sending_the_report_is_journaled(csrf_client, meeting, settings):
    from django.urls import reverse

    from tests.reports.test_mailing import send_report, serve

    meeting.participants.filter(pk=meeting.participants.first().pk).update(email="anne@exemple.fr")
    recorder = serve(settings)
    try:
        mailing = send_report(csrf_client, meeting)
    finally:
        recorder.controller.stop(no_assert=True)
    entry = entries_for(meeting)[0]
    assert entry.action == "report_sent" and str(mailing.deliveries.count()) in entry.detail
    page = csrf_client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "a envoyé le compte-rendu" in page
