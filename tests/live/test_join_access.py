"""Issue 11: the join code closes with the séance; reopening a round asks."""

import json

from django.test import Client

from abaque.meetings.rounds import close_round, open_round
from abaque.meetings.votes import cast_vote
from abaque.reports.content import build_report
from abaque.reports.raw import build_json


def end(meeting):
    round_ = meeting.current_round()
    open_round(round_)
    close_round(round_)
    meeting.results_revealed = True
    meeting.save()


def test_the_code_lists_no_names_and_claims_nothing_once_the_seance_ended(client, meeting):
    end(meeting)
    page = client.get(f"/s/{meeting.join_code}/")
    assert page.status_code == 403
    assert "Anne Leroy" not in page.content.decode()
    assert "accès par code à cette séance est fermé" in page.content.decode()
    anne = meeting.participants.first()
    client.post(f"/s/{meeting.join_code}/{anne.pk}/")
    anne.refresh_from_db()
    assert anne.claimed_at is None


def test_printed_cards_keep_working_after_the_code_closed(client, meeting):
    end(meeting)
    anne = meeting.participants.first()
    assert client.get(f"/b/{anne.token}/").status_code == 200


def test_the_facilitator_closes_and_reopens_the_code(client_in, meeting):
    client_in.post(f"/seances/{meeting.pk}/direct/acces/", {"open": "0"})
    assert Client().get(f"/s/{meeting.join_code}/").status_code == 403
    assert "Rouvrir l'accès par code" in client_in.get(f"/seances/{meeting.pk}/direct/").content.decode()
    client_in.post(f"/seances/{meeting.pk}/direct/acces/", {"open": "1"})
    assert "Anne Leroy" in Client().get(f"/s/{meeting.join_code}/").content.decode()


def test_an_anonymous_seance_gives_no_ballot_once_the_code_closed(client_in, facilitator):
    from tests.conftest import build_meeting

    meeting = build_meeting(facilitator, mode="anonymous", n_participants=0)
    client_in.post(f"/seances/{meeting.pk}/direct/acces/", {"open": "0"})
    assert Client().post(f"/s/{meeting.join_code}/place/").status_code == 403
    assert not meeting.participants.exists()


def test_reopening_a_closed_round_asks_first_and_leaves_a_trace(client_in, meeting):
    end(meeting)
    round_ = meeting.current_round()
    page = client_in.get(f"/seances/{meeting.pk}/direct/").content.decode()
    assert "ses résultats ont pu être vus" in page
    refused = client_in.post(f"/seances/{meeting.pk}/direct/ouvrir/", follow=True)
    round_.refresh_from_db()
    assert round_.is_closed
    assert "confirmez pour rouvrir" in refused.content.decode()
    client_in.post(f"/seances/{meeting.pk}/direct/ouvrir/", {"confirm": "1"})
    round_.refresh_from_db()
    assert round_.status == "open" and round_.reopen_count == 1 and round_.reopened_at
    assert "Tour rouvert 1 fois" in client_in.get(f"/seances/{meeting.pk}/direct/").content.decode()
    cast_vote(round_, meeting.active_items().first(), meeting.participants.first(), "G")
    close_round(round_)
    data = json.loads(build_json(build_report(meeting)))
    assert data["tours"][0]["reouvertures"] == 1
