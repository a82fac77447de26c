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
    assert response.json() == {"code": "RR", "symbol": "−−"}
    assert Vote.objects.get(item=item, participant=person).source == "grid"


def test_delete_clears_a_cell(client_in, meeting):
    open_round(meeting.rounds.get(number=1))
    item, person = meeting.items.first(), meeting.participants.last()
    client_in.post(_url(meeting), {"item": item.pk, "participant": person.pk, "code": "G"})
    response = client_in.post(_url(meeting), {"item": item.pk, "participant": person.pk, "code": ""})
    assert response.json() == {"code": "", "symbol": ""}
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
