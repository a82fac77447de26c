"""The phone ballot and its JSON contract: POST /b/<token>/vote/ and
GET /b/<token>/etat/ (the benchmark codes against them)."""

import json

import pytest
from django.test import Client

from abaque.meetings.models import Item, Round, Vote, VoteLog
from abaque.meetings.rounds import close_round, open_round
from tests.conftest import build_meeting


def post_vote(client, participant, round_number, item, code, **extra):
    return client.post(
        f"/b/{participant.token}/vote/",
        json.dumps({"round": round_number, "item": item.pk if hasattr(item, "pk") else item, "code": code}),
        content_type="application/json",
        **extra,
    )


@pytest.fixture
def open_meeting(meeting):
    open_round(meeting.current_round())
    return meeting


@pytest.fixture
def anne(open_meeting):
    return open_meeting.participants.first()


def first_item(meeting):
    return meeting.active_items().first()


def test_it_stores_a_phone_vote_and_acknowledges_it(client, open_meeting, anne):
    item = first_item(open_meeting)
    response = post_vote(client, anne, 1, item, "VG")
    assert response.status_code == 200
    assert response.json() == {"ok": True, "round": 1, "item": item.pk, "code": "VG"}
    vote = Vote.objects.get(participant=anne, item=item)
    assert (vote.code, vote.source) == ("VG", Vote.Source.PHONE)


def test_a_repeated_vote_changes_nothing_but_the_log(client, open_meeting, anne):
    item = first_item(open_meeting)
    for _ in range(3):
        assert post_vote(client, anne, 1, item, "G").status_code == 200
    assert Vote.objects.filter(participant=anne, item=item).count() == 1
    assert VoteLog.objects.filter(participant=anne, item=item).count() == 3


def test_the_last_code_wins_and_an_empty_code_clears_the_vote(client, open_meeting, anne):
    item = first_item(open_meeting)
    post_vote(client, anne, 1, item, "G")
    post_vote(client, anne, 1, item, "RR")
    assert Vote.objects.get(participant=anne, item=item).code == "RR"
    response = post_vote(client, anne, 1, item, "")
    assert response.json()["code"] == ""
    assert not Vote.objects.filter(participant=anne, item=item).exists()


def test_it_refuses_a_vote_before_the_round_opens(client, meeting):
    anne = meeting.participants.first()
    response = post_vote(client, anne, 1, first_item(meeting), "VG")
    assert response.status_code == 409
    assert "pas encore ouvert" in response.json()["error"]
    assert not Vote.objects.exists()


def test_it_refuses_a_vote_after_close(client, open_meeting, anne):
    close_round(open_meeting.current_round())
    response = post_vote(client, anne, 1, first_item(open_meeting), "VG")
    assert response.status_code == 409
    assert "clos" in response.json()["error"]
    assert not Vote.objects.exists()


def test_it_refuses_an_item_that_is_not_in_the_round(client, open_meeting, anne):
    late = Item.objects.create(meeting=open_meeting, text="Ajouté après l'ouverture", status=Item.Status.PENDING)
    response = post_vote(client, anne, 1, late, "VG")
    assert response.status_code == 409
    assert "n'est pas soumis au vote" in response.json()["error"]


def test_an_unknown_token_answers_404(client, open_meeting):
    vote = f'{{"round": 1, "item": {open_meeting.items.first().pk}, "code": "VG"}}'
    assert client.post("/b/pas-un-jeton/vote/", vote, content_type="application/json").status_code == 404
    assert client.get("/b/pas-un-jeton/etat/").status_code == 404
    assert client.get("/b/pas-un-jeton/").status_code == 404


def test_an_unreadable_body_gets_a_french_message(client, open_meeting, anne):
    response = client.post(f"/b/{anne.token}/vote/", "pas du json", content_type="application/json")
    assert response.status_code == 400
    assert "rechargez" in response.json()["error"]


def test_a_token_of_one_seance_cannot_vote_on_an_item_of_another(client, open_meeting, anne, other_meeting):
    open_round(other_meeting.current_round())
    foreign = first_item(other_meeting)
    response = post_vote(client, anne, 1, foreign, "VG")
    assert response.status_code == 409
    assert not Vote.objects.exists()


def test_a_phone_reads_only_its_own_votes(client, open_meeting, anne):
    bruno = open_meeting.participants.all()[1]
    items = list(open_meeting.active_items())
    post_vote(client, anne, 1, items[0], "VG")
    post_vote(client, bruno, 1, items[1], "RR")
    state = client.get(f"/b/{anne.token}/etat/").json()
    assert state == {
        "round": 1,
        "status": "open",
        "revealed": False,
        "items": [{"id": item.pk, "text": item.text} for item in items],
        "votes": {str(items[0].pk): "VG"},
        "changed_by_facilitator": [],
    }


def test_a_phone_has_no_way_to_change_another_participants_vote(client, open_meeting, anne):
    """The participant comes from the token only: a participant id in the
    body is ignored, so A's token can only ever write A's votes."""
    bruno = open_meeting.participants.all()[1]
    item = first_item(open_meeting)
    post_vote(client, bruno, 1, item, "G")
    client.post(
        f"/b/{anne.token}/vote/",
        json.dumps({"round": 1, "item": item.pk, "code": "RR", "participant": bruno.pk}),
        content_type="application/json",
    )
    assert Vote.objects.get(participant=bruno, item=item).code == "G"
    assert Vote.objects.get(participant=anne, item=item).code == "RR"


def test_the_state_says_preparing_then_closed(client, meeting):
    anne = meeting.participants.first()
    assert client.get(f"/b/{anne.token}/etat/").json()["status"] == "preparing"
    round_ = meeting.current_round()
    open_round(round_)
    close_round(round_)
    assert client.get(f"/b/{anne.token}/etat/").json()["status"] == "closed"


def test_the_vote_endpoint_demands_the_csrf_token_like_any_post(open_meeting, anne):
    phone = Client(enforce_csrf_checks=True)
    page = phone.get(f"/b/{anne.token}/")
    item = first_item(open_meeting)
    assert post_vote(phone, anne, 1, item, "VG").status_code == 403
    token = page.cookies["csrftoken"].value
    assert post_vote(phone, anne, 1, item, "VG", HTTP_X_CSRFTOKEN=token).status_code == 200


def test_a_vote_tells_the_screens(client, open_meeting, anne, django_capture_on_commit_callbacks, monkeypatch):
    sent = []
    monkeypatch.setattr("abaque.live.views.ballot.meeting_changed", lambda pk, topic: sent.append((pk, topic)))
    post_vote(client, anne, 1, first_item(open_meeting), "VG")
    assert sent == [(open_meeting.pk, "votes")]


def test_the_ballot_page_binds_the_phone(client, open_meeting, anne):
    response = client.get(f"/b/{anne.token}/")
    assert response.status_code == 200
    cookie = response.cookies["abaque_voter"]
    assert cookie.value == anne.token
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and int(cookie["max-age"]) > 30 * 24 * 3600
    anne.refresh_from_db()
    assert anne.claimed_at is not None


def test_the_ballot_page_carries_the_stored_votes_and_the_scale_of_the_seance(client, facilitator):
    meeting = build_meeting(facilitator, scale_variant="three")
    open_round(meeting.current_round())
    anne = meeting.participants.first()
    item = first_item(meeting)
    post_vote(client, anne, 1, item, "O")
    page = client.get(f"/b/{anne.token}/")
    assert page.context["state"]["votes"] == {str(item.pk): "O"}
    assert [level["code"] for level in page.context["levels"]] == ["G", "O", "R", "W"]


def test_an_anonymous_ballot_shows_no_name(client, facilitator):
    meeting = build_meeting(facilitator, mode="anonymous")
    anne = meeting.participants.first()
    page = client.get(f"/b/{anne.token}/")
    assert anne.name not in page.content.decode()


def test_a_phone_can_propose_an_item_when_the_facilitator_allows_it(client, facilitator):
    meeting = build_meeting(facilitator, phone_items=True)
    anne = meeting.participants.first()
    response = client.post(f"/b/{anne.token}/proposer/", {"text": "  Un jardin   partagé "})
    assert response.status_code == 302
    item = meeting.items.get(status=Item.Status.PENDING)
    assert (item.text, item.author) == ("Un jardin partagé", anne)
    assert item not in meeting.current_round().items.all()


def test_a_refused_proposal_keeps_what_was_typed(client, facilitator):
    meeting = build_meeting(facilitator, phone_items=False)
    anne = meeting.participants.first()
    response = client.post(f"/b/{anne.token}/proposer/", {"text": "Un jardin partagé"})
    assert response.status_code == 400
    assert "pas ouvert les propositions" in response.content.decode()
    assert "Un jardin partagé" in response.content.decode()
    assert not meeting.items.filter(status=Item.Status.PENDING).exists()


def test_an_overlong_proposal_is_refused_with_its_text_kept(client, facilitator):
    meeting = build_meeting(facilitator, phone_items=True)
    anne = meeting.participants.first()
    response = client.post(f"/b/{anne.token}/proposer/", {"text": "mot " * 100})
    assert response.status_code == 400
    assert "raccourcissez" in response.content.decode()


def test_a_round_number_of_another_round_is_refused_once_closed(client, open_meeting, anne):
    round_ = open_meeting.current_round()
    close_round(round_)
    second = Round.objects.create(meeting=open_meeting, number=2)
    open_round(second)
    response = post_vote(client, anne, 1, first_item(open_meeting), "VG")
    assert response.status_code == 409


def test_a_phone_shows_its_own_name_when_the_screen_shows_letters(client, facilitator):
    meeting = build_meeting(facilitator, display="letters")
    anne = meeting.participants.first()
    assert anne.name in client.get(f"/b/{anne.token}/").content.decode()


def test_a_phone_knows_when_the_results_are_projected(client, open_meeting, anne):
    from abaque.meetings.rounds import close_round

    assert client.get(f"/b/{anne.token}/etat/").json()["revealed"] is False
    close_round(open_meeting.current_round())
    open_meeting.results_revealed = True
    open_meeting.save(update_fields=["results_revealed"])
    assert client.get(f"/b/{anne.token}/etat/").json()["revealed"] is True
