"""The vote grid typed from paper colour cards."""

from html import unescape

from abaque.meetings.models import Vote
from abaque.meetings.rounds import close_round, open_round


def _url(meeting, number=1):
    return f"/seances/{meeting.pk}/tours/{number}/vote/"


def test_the_grid_shows_every_item_and_participant(client_in, meeting):
    page = unescape(client_in.get(f"/seances/{meeting.pk}/tours/1/grille/").content.decode())
    assert all(item.text in page for item in meeting.items.all())
    assert all(p.name in page for p in meeting.participants.all())
    assert 'id="grid-levels"' in page  # the keyboard map, from scale.py


def test_a_cell_typed_in_the_grid_is_saved_at_once(client_in, meeting):
    open_round(meeting.rounds.get(number=1))  # a round being prepared takes no vote
    item, person = meeting.items.first(), meeting.participants.last()
    response = client_in.post(_url(meeting), {"item": item.pk, "participant": person.pk, "code": "RR"})
    assert response.status_code == 200
    assert response.json() == {"code": "RR", "symbol": "−−", "source": "grid"}
    assert Vote.objects.get(item=item, participant=person).source == "grid"


def test_delete_clears_a_cell(client_in, meeting):
    open_round(meeting.rounds.get(number=1))
    item, person = meeting.items.first(), meeting.participants.last()
    client_in.post(_url(meeting), {"item": item.pk, "participant": person.pk, "code": "G"})
    response = client_in.post(_url(meeting), {"item": item.pk, "participant": person.pk, "code": ""})
    assert response.json() == {"code": "", "symbol": "", "source": ""}
    assert not Vote.objects.exists()


def test_the_grid_refuses_a_vote_after_close_with_a_french_message(client_in, meeting):
    close_round(meeting.rounds.get(number=1))
    item, person = meeting.items.first(), meeting.participants.first()
    response = client_in.post(_url(meeting), {"item": item.pk, "participant": person.pk, "code": "G"})
    assert response.status_code == 409
    assert "clos" in response.json()["error"]


def test_the_grid_refuses_a_participant_of_another_meeting(client_in, meeting, other_meeting):
    response = client_in.post(
        _url(meeting),
        {"item": meeting.items.first().pk, "participant": other_meeting.participants.first().pk, "code": "G"},
    )
    assert response.status_code == 404
    assert not Vote.objects.exists()


def test_another_facilitators_grid_answers_404(client_in, other_meeting):
    assert client_in.get(f"/seances/{other_meeting.pk}/tours/1/grille/").status_code == 404
    item, person = other_meeting.items.first(), other_meeting.participants.first()
    assert (
        client_in.post(_url(other_meeting), {"item": item.pk, "participant": person.pk, "code": "G"}).status_code == 404
    )


def test_the_grid_requires_the_csrf_token(csrf_client, meeting):
    item, person = meeting.items.first(), meeting.participants.first()
    response = csrf_client.post(_url(meeting), {"item": item.pk, "participant": person.pk, "code": "G"})
    assert response.status_code == 403
    assert not Vote.objects.exists()


def test_a_round_in_preparation_shows_a_button_that_opens_the_vote_and_comes_back(client_in, meeting):
    page = unescape(client_in.get(f"/seances/{meeting.pk}/tours/1/grille/").content.decode())
    assert "Le vote n'est pas encore ouvert" in page
    assert 'data-readonly="1"' in page
    answer = client_in.post(f"/seances/{meeting.pk}/direct/ouvrir/", {"next": "grid"})
    assert answer["Location"] == f"/seances/{meeting.pk}/tours/1/grille/"
    page = client_in.get(answer["Location"]).content.decode()
    assert 'data-readonly="0"' in page


def _phone_vote(meeting, item, person, code):
    from abaque.meetings.vote_batch import PhoneVote, store_phone_votes

    assert store_phone_votes([PhoneVote(person.token, 1, item.pk, code)])[0].status == 200


def test_the_grid_shows_which_votes_came_from_a_phone(client_in, meeting):
    open_round(meeting.rounds.get(number=1))
    item, anne, bruno = meeting.items.first(), meeting.participants.first(), meeting.participants.last()
    _phone_vote(meeting, item, anne, "VG")
    client_in.post(_url(meeting), {"item": item.pk, "participant": bruno.pk, "code": "O"})
    page = unescape(client_in.get(f"/seances/{meeting.pk}/tours/1/grille/").content.decode())
    assert page.count('data-source="phone"') == 1
    assert page.count('data-source="grid"') == 1
    assert "voté depuis son téléphone" in page  # said in words, not by colour alone
    assert 'class="src-mark"' in page


def test_a_phone_vote_is_not_replaced_from_the_grid_without_a_confirmation(client_in, meeting):
    open_round(meeting.rounds.get(number=1))
    item, anne = meeting.items.first(), meeting.participants.first()
    _phone_vote(meeting, item, anne, "VG")
    for code in ("RR", ""):  # nor cleared
        response = client_in.post(_url(meeting), {"item": item.pk, "participant": anne.pk, "code": code})
        assert response.status_code == 409
        assert response.json()["confirm"] is True
        assert response.json()["code"] == "VG"
        assert "téléphone" in response.json()["error"]
    vote = Vote.objects.get(item=item, participant=anne)
    assert (vote.code, vote.source) == ("VG", "phone")


def test_a_confirmed_change_replaces_the_phone_vote_and_tells_that_phone(client_in, meeting, monkeypatch):
    from abaque.meetings.views import grid

    told = []
    monkeypatch.setattr(grid, "vote_changed_for", told.append)
    open_round(meeting.rounds.get(number=1))
    item, anne = meeting.items.first(), meeting.participants.first()
    _phone_vote(meeting, item, anne, "VG")
    response = client_in.post(_url(meeting), {"item": item.pk, "participant": anne.pk, "code": "RR", "confirm": "1"})
    assert response.status_code == 200
    assert response.json()["code"] == "RR"
    vote = Vote.objects.get(item=item, participant=anne)
    assert (vote.code, vote.source) == ("RR", "grid")
    assert told == [anne.pk]
    state = client_in.get(f"/b/{anne.token}/etat/").json()
    assert state["votes"] == {str(item.pk): "RR"}
    assert state["changed_by_facilitator"] == [item.pk]


def test_the_same_colour_as_the_phone_needs_no_confirmation_and_stays_a_phone_vote(client_in, meeting):
    open_round(meeting.rounds.get(number=1))
    item, anne = meeting.items.first(), meeting.participants.first()
    _phone_vote(meeting, item, anne, "G")
    response = client_in.post(_url(meeting), {"item": item.pk, "participant": anne.pk, "code": "G"})
    assert response.status_code == 200
    assert Vote.objects.get(item=item, participant=anne).source == "phone"


def test_a_card_vote_is_retyped_without_confirmation(client_in, meeting):
    open_round(meeting.rounds.get(number=1))
    item, anne = meeting.items.first(), meeting.participants.first()
    client_in.post(_url(meeting), {"item": item.pk, "participant": anne.pk, "code": "G"})
    response = client_in.post(_url(meeting), {"item": item.pk, "participant": anne.pk, "code": "R"})
    assert response.status_code == 200
    assert Vote.objects.get(item=item, participant=anne).code == "R"
