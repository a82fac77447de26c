"""Joining from a phone: the séance code, the names, one name per phone."""

from django.test import Client

from abaque.meetings.models import Participant
from tests.conftest import build_meeting


def take(client, meeting, participant):
    return client.post(f"/s/{meeting.join_code}/{participant.pk}/")


def test_the_code_leads_to_the_names_of_the_seance(client, meeting):
    response = client.get("/rejoindre/", {"code": meeting.join_code.lower()[:3] + " " + meeting.join_code.lower()[3:]})
    assert response.status_code == 302
    assert response["Location"] == f"/s/{meeting.join_code}/"


def test_a_wrong_code_says_so_and_keeps_what_was_typed(client, meeting):
    response = client.get("/rejoindre/", {"code": "ZZZ"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "6 caractères" in body and 'value="ZZZ"' in body


def test_an_unknown_code_of_the_right_length_is_refused(client, meeting):
    response = client.get("/rejoindre/", {"code": "AAAAAA" if meeting.join_code != "AAAAAA" else "CCCCCC"})
    assert response.status_code == 400
    assert "Aucune séance" in response.content.decode()


def test_the_names_page_lists_the_participants(client, meeting):
    body = client.get(f"/s/{meeting.join_code}/").content.decode()
    for participant in meeting.participants.all():
        assert participant.name in body


def test_tapping_a_name_binds_it_to_the_phone(client, meeting):
    anne = meeting.participants.first()
    response = take(client, meeting, anne)
    assert response.status_code == 302
    assert response["Location"] == f"/b/{anne.token}/"
    cookie = response.cookies["abaque_voter"]
    assert cookie.value == anne.token and cookie["httponly"] and cookie["samesite"] == "Lax"
    anne.refresh_from_db()
    assert anne.claimed_at is not None


def test_a_name_already_taken_cannot_be_taken_by_another_phone(meeting):
    anne = meeting.participants.first()
    take(Client(), meeting, anne)
    second_phone = Client()
    response = take(second_phone, meeting, anne)
    assert response.status_code == 409
    assert "déjà pris" in response.content.decode()
    assert "abaque_voter" not in response.cookies
    assert "déjà pris" in second_phone.get(f"/s/{meeting.join_code}/").content.decode()


def test_the_same_phone_may_tap_its_own_name_again(client, meeting):
    anne = meeting.participants.first()
    take(client, meeting, anne)
    assert take(client, meeting, anne).status_code == 302


def test_a_bound_phone_scanning_again_goes_straight_to_its_ballot(client, meeting):
    anne = meeting.participants.first()
    take(client, meeting, anne)
    response = client.get(f"/s/{meeting.join_code}/")
    assert response["Location"] == f"/b/{anne.token}/"


def test_a_released_name_can_be_taken_again_and_the_old_link_stops_working(client, meeting):
    anne = meeting.participants.first()
    take(client, meeting, anne)
    old_token = anne.token
    anne.refresh_from_db()
    anne.release()
    assert Client().get(f"/b/{old_token}/etat/").status_code == 404
    new_phone = Client()
    assert take(new_phone, meeting, anne).status_code == 302
    assert new_phone.cookies["abaque_voter"].value == Participant.objects.get(pk=anne.pk).token != old_token


def test_a_participant_of_another_seance_cannot_be_taken_through_this_code(client, meeting, other_meeting):
    stranger = other_meeting.participants.first()
    assert take(client, meeting, stranger).status_code == 404


def test_an_anonymous_seance_shows_no_names_and_gives_a_free_ballot_then_a_new_one(client, facilitator):
    meeting = build_meeting(facilitator, mode="anonymous", n_participants=2)
    page = client.get(f"/s/{meeting.join_code}/").content.decode()
    assert not any(p.name in page for p in meeting.participants.all())
    first = client.post(f"/s/{meeting.join_code}/place/")
    assert first.status_code == 302
    assert client.post(f"/s/{meeting.join_code}/place/")["Location"] == first["Location"]  # same phone, same place
    Client().post(f"/s/{meeting.join_code}/place/")
    third = Client().post(f"/s/{meeting.join_code}/place/")  # both ballots taken: a third is made
    assert third.status_code == 302
    assert third["Location"] not in {first["Location"]}
    assert meeting.participants.count() == 3
    assert meeting.participants.filter(claimed_at__isnull=True).count() == 0
    assert list(meeting.participants.values_list("name", flat=True))[-1] == "C"


def test_names_cannot_be_tapped_in_an_anonymous_seance(client, facilitator):
    meeting = build_meeting(facilitator, mode="anonymous")
    assert take(client, meeting, meeting.participants.first()).status_code == 404


def test_joining_needs_the_csrf_token(meeting):
    phone = Client(enforce_csrf_checks=True)
    anne = meeting.participants.first()
    assert take(phone, meeting, anne).status_code == 403
    page = phone.get(f"/s/{meeting.join_code}/")
    response = phone.post(f"/s/{meeting.join_code}/{anne.pk}/", HTTP_X_CSRFTOKEN=page.cookies["csrftoken"].value)
    assert response.status_code == 302
