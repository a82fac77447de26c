"""Throttles that an attacker trips and a room of phones behind one address does not."""

from django.test import Client

from abaque import throttle
from tests.conftest import PASSWORD, build_meeting

NAT = "192.0.2.10"  # the village hall's one public address


def phone(ip=NAT):
    return Client(REMOTE_ADDR=ip)


def login(client, username, password):
    return client.post("/connexion/", {"username": username, "password": password})


def test_repeated_wrong_passwords_lock_the_username_with_a_french_message(facilitator):
    client = phone()
    for _ in range(throttle.LOGIN_PER_USERNAME.attempts):
        assert login(client, "animatrice", "faux").status_code == 200
    response = login(client, "animatrice", PASSWORD)  # even the right one now waits
    assert response.status_code == 429
    body = response.content.decode()
    assert "Trop de tentatives" in body and "réessayez dans 15 minutes" in body


def test_a_locked_username_does_not_lock_another_facilitator_behind_the_same_address(facilitator, other_facilitator):
    client = phone()
    for _ in range(throttle.LOGIN_PER_USERNAME.attempts):
        login(client, "animatrice", "faux")
    assert login(phone(), "autre", PASSWORD).status_code == 302


def test_many_usernames_tried_from_one_address_hit_the_looser_per_address_bound(facilitator):
    client = phone()
    for i in range(throttle.LOGIN_PER_IP.attempts):
        login(client, f"inconnu{i}", "faux")
    assert login(client, "animatrice", PASSWORD).status_code == 429
    assert login(phone("198.51.100.7"), "animatrice", PASSWORD).status_code == 302


def test_a_successful_login_is_not_counted(facilitator):
    for _ in range(throttle.LOGIN_PER_USERNAME.attempts + 3):
        assert login(phone(), "animatrice", PASSWORD).status_code == 302


def test_sixty_phones_behind_one_address_join_with_the_right_code(facilitator):
    meeting = build_meeting(facilitator, n_participants=60)
    for participant in meeting.participants.all():
        client = phone()
        assert client.get("/rejoindre/", {"code": meeting.join_code}).status_code == 302
        assert client.get(f"/s/{meeting.join_code}/").status_code == 200
        assert client.post(f"/s/{meeting.join_code}/{participant.pk}/").status_code == 302


def test_guessing_join_codes_from_one_address_is_refused(facilitator):
    meeting = build_meeting(facilitator)
    client = phone()
    for i in range(throttle.JOIN_WRONG_PER_IP.attempts):
        assert client.get("/rejoindre/", {"code": f"Z{i:05d}"}).status_code == 400
    response = client.get("/rejoindre/", {"code": meeting.join_code})
    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()
    assert phone("198.51.100.7").get("/rejoindre/", {"code": meeting.join_code}).status_code == 302


def test_guessing_codes_in_the_names_url_counts_too(facilitator):
    client = phone()
    for i in range(throttle.JOIN_WRONG_PER_IP.attempts):
        assert client.get(f"/s/Z{i:05d}/").status_code == 404
    assert client.get("/s/ZZZZZZ/").status_code == 429


def test_one_wrong_code_tried_from_many_addresses_is_refused(facilitator):
    for i in range(throttle.JOIN_WRONG_PER_CODE.attempts):
        phone(f"203.0.113.{i + 1}").get("/rejoindre/", {"code": "QQQQQQ"})
    assert phone("203.0.113.200").get("/rejoindre/", {"code": "QQQQQQ"}).status_code == 429


def test_a_phone_sending_proposal_after_proposal_is_slowed(facilitator):
    meeting = build_meeting(facilitator, phone_items=True)
    token = meeting.participants.first().token
    client = phone()
    for i in range(throttle.PROPOSALS_PER_TOKEN.attempts):
        assert client.post(f"/b/{token}/proposer/", {"text": f"Idée {i}"}).status_code == 302
    response = client.post(f"/b/{token}/proposer/", {"text": "Encore une"})
    assert response.status_code == 429
    body = response.content.decode()
    assert "Trop de tentatives" in body and "Encore une" in body  # what was typed is kept
    assert meeting.items.filter(text="Encore une").count() == 0
    other = meeting.participants.last().token
    assert client.post(f"/b/{other}/proposer/", {"text": "Autre idée"}).status_code == 302


def test_the_wait_message_is_in_plain_french():
    assert throttle.wait_message(1) == "Trop de tentatives : réessayez dans 1 seconde."
    assert throttle.wait_message(45) == "Trop de tentatives : réessayez dans 45 secondes."
    assert throttle.wait_message(60) == "Trop de tentatives : réessayez dans 1 minute."
    assert throttle.wait_message(900) == "Trop de tentatives : réessayez dans 15 minutes."
