"""The facilitator's live controls and the projector."""

import pytest

from abaque.meetings.models import Item, Meeting, Round
from abaque.meetings.rounds import close_round, open_round
from abaque.meetings.votes import cast_vote
from tests.conftest import build_meeting


@pytest.fixture
def told(monkeypatch):
    """The topics broadcast to the live screens."""
    sent = []
    monkeypatch.setattr("abaque.meetings.transitions.meeting_changed", lambda pk, topic: sent.append(topic))
    return sent


def vote_all(meeting, participant, code="VG"):
    round_ = meeting.current_round()
    for entry in round_.round_items.select_related("item"):
        cast_vote(round_, entry.item, participant, code)


FACILITATOR_PAGES = [
    ("get", "/seances/{m}/direct/"),
    ("post", "/seances/{m}/direct/ouvrir/"),
    ("post", "/seances/{m}/direct/clore/"),
    ("post", "/seances/{m}/direct/resultats/"),
    ("post", "/seances/{m}/direct/ordre/"),
    ("post", "/seances/{m}/direct/participants/{p}/liberer/"),
    ("get", "/seances/{m}/projecteur/"),
    ("get", "/seances/{m}/projecteur/fragment/"),
]


@pytest.mark.parametrize("method,url", FACILITATOR_PAGES)
def test_another_facilitators_seance_answers_404(client_in, meeting, other_meeting, method, url):
    path = url.format(m=other_meeting.pk, p=other_meeting.participants.first().pk)
    assert getattr(client_in, method)(path).status_code == 404


@pytest.mark.parametrize("method,url", FACILITATOR_PAGES)
def test_a_visitor_is_sent_to_the_login_page(client, meeting, method, url):
    response = getattr(client, method)(url.format(m=meeting.pk, p=meeting.participants.first().pk))
    assert response.status_code == 302
    assert "?next=" in response["Location"]


def test_releasing_a_participant_of_another_seance_answers_404(client_in, meeting, other_meeting):
    stranger = other_meeting.participants.first()
    assert client_in.post(f"/seances/{meeting.pk}/direct/participants/{stranger.pk}/liberer/").status_code == 404


def test_the_facilitator_opens_the_vote(client_in, meeting, told):
    response = client_in.post(f"/seances/{meeting.pk}/direct/ouvrir/")
    assert response.status_code == 302
    assert meeting.current_round().status == Round.Status.OPEN
    assert told == ["round"]


def test_a_vote_without_items_cannot_be_opened(client_in, facilitator, told):
    empty = build_meeting(facilitator, items=())
    response = client_in.post(f"/seances/{empty.pk}/direct/ouvrir/", follow=True)
    assert "Ajoutez au moins un item" in response.content.decode()
    assert empty.current_round().status == Round.Status.PREPARING


def test_the_facilitator_closes_the_vote(client_in, meeting, told):
    open_round(meeting.current_round())
    client_in.post(f"/seances/{meeting.pk}/direct/clore/")
    assert meeting.current_round().is_closed
    assert told == ["round"]


def test_closing_a_vote_that_is_not_open_says_so(client_in, meeting, told):
    response = client_in.post(f"/seances/{meeting.pk}/direct/clore/", follow=True)
    assert "Aucun vote n&#x27;est ouvert" in response.content.decode()
    assert meeting.current_round().status == Round.Status.PREPARING


def test_revealing_and_hiding_the_results(client_in, meeting, told):
    client_in.post(f"/seances/{meeting.pk}/direct/resultats/", {"show": "1"})
    meeting.refresh_from_db()
    assert meeting.results_revealed
    client_in.post(f"/seances/{meeting.pk}/direct/resultats/", {"show": "0"})
    meeting.refresh_from_db()
    assert not meeting.results_revealed
    assert told == ["results", "results"]


def test_choosing_the_ordering(client_in, meeting, told):
    client_in.post(f"/seances/{meeting.pk}/direct/ordre/", {"ordering": "seriation"})
    meeting.refresh_from_db()
    assert meeting.ordering == Meeting.Ordering.SERIATION
    response = client_in.post(f"/seances/{meeting.pk}/direct/ordre/", {"ordering": "hasard"}, follow=True)
    assert "Ordre inconnu" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.ordering == Meeting.Ordering.SERIATION


def test_releasing_a_name_regenerates_its_token(client_in, meeting, told):
    anne = meeting.participants.first()
    client_in.get(f"/b/{anne.token}/")  # her phone binds the name
    old = anne.token
    client_in.post(f"/seances/{meeting.pk}/direct/participants/{anne.pk}/liberer/")
    anne.refresh_from_db()
    assert anne.token != old and anne.claimed_at is None
    assert told == ["participants"]


def test_the_panel_shows_phone_status_and_who_finished(client_in, meeting):
    anne, bruno = meeting.participants.all()[:2]
    client_in.get(f"/b/{anne.token}/")
    open_round(meeting.current_round())
    vote_all(meeting, anne)
    response = client_in.get(f"/seances/{meeting.pk}/direct/", HTTP_HX_REQUEST="true")
    assert response.templates[0].name == "live/_controls_panel.html"
    assert response.context["finished"] == {anne.pk}
    body = response.content.decode()
    assert "lié" in body and "libre" in body and "a fini ✓" in body and "Clore le vote" in body


def test_an_htmx_action_answers_with_the_panel(client_in, meeting, told):
    response = client_in.post(f"/seances/{meeting.pk}/direct/ouvrir/", HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Le vote du tour 1 est ouvert" in response.content.decode()


def test_buttons_on_the_overview_come_back_to_the_overview(client_in, meeting, told):
    response = client_in.post(f"/seances/{meeting.pk}/direct/ouvrir/", {"next": "detail"})
    assert response["Location"] == f"/seances/{meeting.pk}/"


def test_the_controls_need_csrf(csrf_client, meeting):
    assert csrf_client.post(f"/seances/{meeting.pk}/direct/ouvrir/").status_code == 403


def test_the_projector_shows_the_question_items_and_the_join_code(client_in, meeting):
    response = client_in.get(f"/seances/{meeting.pk}/projecteur/")
    body = response.content.decode()
    assert meeting.question.replace("'", "&#x27;") in body
    assert meeting.join_code in body
    assert "<svg" in body and response.context["join_direct"].endswith(f"/s/{meeting.join_code}/")
    for item in meeting.active_items():
        assert item.text.replace("'", "&#x27;") in body


def test_the_projector_shows_who_finished_never_what(client_in, meeting):
    open_round(meeting.current_round())
    anne = meeting.participants.first()
    vote_all(meeting, anne, "RR")
    response = client_in.get(f"/seances/{meeting.pk}/projecteur/fragment/")
    body = response.content.decode()
    assert response.context["progress"]["finished"] == 1
    assert anne.name in body and "lv-RR" not in body


def test_the_projector_hides_the_results_until_revealed(client_in, meeting):
    round_ = meeting.current_round()
    open_round(round_)
    for participant in meeting.participants.all():
        vote_all(meeting, participant)
    close_round(round_)
    hidden = client_in.get(f"/seances/{meeting.pk}/projecteur/fragment/")
    assert "Le vote est clos" in hidden.content.decode() and "lv-VG" not in hidden.content.decode()
    Meeting.objects.filter(pk=meeting.pk).update(results_revealed=True)
    shown = client_in.get(f"/seances/{meeting.pk}/projecteur/fragment/")
    body = shown.content.decode()
    assert body.count('class="cell lv-VG"') == 3 * 4
    assert [row["entry"].text for row in shown.context["consensus"]] == [i.text for i in meeting.active_items()]


def test_an_anonymous_projector_names_nobody(client_in, facilitator):
    meeting = build_meeting(facilitator, mode="anonymous")
    open_round(meeting.current_round())
    anne = meeting.participants.first()
    vote_all(meeting, anne)
    response = client_in.get(f"/seances/{meeting.pk}/projecteur/fragment/")
    assert response.context["progress"]["finished"] == 1
    assert anne.name not in response.content.decode()


def test_pending_phone_items_stay_off_the_projector(client_in, meeting):
    Item.objects.create(meeting=meeting, text="Proposé depuis un téléphone", status=Item.Status.PENDING)
    assert "Proposé depuis un téléphone" not in client_in.get(f"/seances/{meeting.pk}/projecteur/").content.decode()


def test_the_projector_points_phones_to_the_laptop_address_not_localhost(client_in, meeting, monkeypatch):
    monkeypatch.setattr("abaque.live.address.local_addresses", lambda: ["192.168.1.20"])
    body = client_in.get(f"/seances/{meeting.pk}/projecteur/", HTTP_HOST="localhost:8000").content.decode()
    assert "http://192.168.1.20:8000/rejoindre/" in body


def test_the_projector_lists_consensus_for_and_against(client_in, meeting):
    round_ = meeting.current_round()
    open_round(round_)
    agreed, rejected, split = [entry.item for entry in round_.round_items.select_related("item")]
    for participant, split_code in zip(meeting.participants.all(), ["VG", "RR", "VG", "RR"]):
        cast_vote(round_, agreed, participant, "VG")
        cast_vote(round_, rejected, participant, "RR")
        cast_vote(round_, split, participant, split_code)
    close_round(round_)
    Meeting.objects.filter(pk=meeting.pk).update(results_revealed=True)
    response = client_in.get(f"/seances/{meeting.pk}/projecteur/fragment/")
    listed = {row["entry"].item for row in response.context["consensus"]}
    assert listed == {agreed, rejected}
    assert "contre" in response.content.decode()


def test_the_projector_follows_the_debate(client_in, meeting):
    from abaque.meetings.rounds import close_round

    close_round(meeting.rounds.get(number=1))
    item = meeting.items.first()
    meeting.phase, meeting.debate_item = meeting.Phase.DEBATE, item
    meeting.save()
    page = client_in.get(f"/seances/{meeting.pk}/projecteur/fragment/").content.decode()
    assert "Débat" in page and 'class="dp-item"' in page
    assert item.text.split("'")[0] in page
