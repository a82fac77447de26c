"""The debate page: the agenda from the strongest dissensus, the facilitator's
own order, the item in debate and who is invited to speak."""

from html import unescape

import pytest
from django.urls import reverse

from abaque.analysis import AgendaKind
from abaque.debate.agenda import agenda
from abaque.debate.models import AgendaPosition
from abaque.debate.speakers import item_in_debate, speaking_order
from abaque.meetings.models import Meeting
from tests.builders import run_round
from tests.conftest import build_meeting

ITEMS = (
    "Créer un café associatif",  # split in two: dissensus, strongest
    "Un fonds d'initiatives habitants",  # dissensus, weaker
    "Covoiturage solidaire",  # consensus for, one red: minority
    "Des repas partagés entre voisins",  # consensus, nobody against: not debated
    "Une maison des services au public",  # dissensus, spread over all colours
)
ROWS = [
    "VG VG RR RR VG RR",
    "VG G R O RR G",
    "VG VG VG G VG R",
    "G G G G VG G",
    "VG G RR O R B",
]


@pytest.fixture
def voted(facilitator):
    meeting = build_meeting(facilitator, n_participants=6, items=ITEMS)
    run_round(meeting.current_round(), ROWS)
    return meeting


def texts(lines):
    return [line.item.text for line in lines]


def test_it_lists_the_strongest_dissensus_first_then_the_minority_positions(voted):
    lines = agenda(voted)
    assert texts(lines) == [ITEMS[0], ITEMS[4], ITEMS[1], ITEMS[2]]
    assert [line.kind for line in lines] == [AgendaKind.DISSENSUS] * 3 + [AgendaKind.MINORITY]
    assert lines[0].score > lines[1].score > lines[2].score


def test_it_names_who_voted_red_or_black_on_each_agenda_line(voted):
    lines = agenda(voted)
    assert lines[0].voices == ["Chantal Roux", "David Girard", "Farid Benali"]
    assert lines[3].voices == ["Farid Benali"]


def test_it_has_no_agenda_before_a_round_is_closed(meeting, client_in):
    assert agenda(meeting) == []
    response = client_in.get(reverse("debate:page", args=[meeting.pk]))
    assert "Aucun tour de vote n'est encore clos" in response.content.decode()


def test_moving_an_item_up_stores_the_facilitators_order(voted, client_in):
    minority = voted.items.get(text=ITEMS[2])
    response = client_in.post(reverse("debate:move", args=[voted.pk, minority.pk]), {"direction": "up"})
    assert response.status_code == 302
    assert texts(agenda(voted)) == [ITEMS[0], ITEMS[4], ITEMS[2], ITEMS[1]]
    assert AgendaPosition.objects.filter(meeting=voted).count() == 4


def test_moving_the_first_item_up_changes_nothing_and_says_so(voted, client_in):
    first = voted.items.get(text=ITEMS[0])
    response = client_in.post(reverse("debate:move", args=[voted.pk, first.pk]), {"direction": "up"}, follow=True)
    assert texts(agenda(voted)) == [ITEMS[0], ITEMS[4], ITEMS[1], ITEMS[2]]
    assert "déjà à ce bout" in unescape(response.content.decode())


def test_choosing_any_item_puts_it_in_debate_and_tells_the_projector(
    voted, client_in, django_capture_on_commit_callbacks
):
    consensual = voted.items.get(text=ITEMS[3])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client_in.post(reverse("debate:choose", args=[voted.pk]), {"item": consensual.pk})
    voted.refresh_from_db()
    assert voted.debate_item == consensual
    assert voted.phase == Meeting.Phase.DEBATE
    assert len(callbacks) == 1  # meeting_changed(…, "debate"), sent after commit


def test_an_item_of_another_seance_cannot_be_put_in_debate(voted, other_meeting, client_in):
    response = client_in.post(
        reverse("debate:choose", args=[voted.pk]), {"item": other_meeting.items.first().pk}, follow=True
    )
    voted.refresh_from_db()
    assert voted.debate_item is None
    assert "n'existe pas dans cette séance" in unescape(response.content.decode())


def test_the_page_shows_the_item_in_debate_with_its_speakers(voted, client_in):
    voted.debate_item = voted.items.get(text=ITEMS[4])
    voted.save()
    page = client_in.get(reverse("debate:page", args=[voted.pk])).content.decode()
    assert ITEMS[4] in page
    assert 'class="distribution"' in page
    assert page.index("Chantal Roux") < page.index("Émilie Faure") < page.index("Anne Leroy")


def test_dissent_first_puts_dark_red_red_and_black_before_the_others():
    votes = [
        ("Anne", "VG"),
        ("Bruno", "G"),
        ("Chantal", "B"),
        ("David", "O"),
        ("Émilie", "R"),
        ("Farid", "RR"),
        ("Gaëlle", "W"),
    ]
    speakers = speaking_order(votes, "dissent_first")
    assert [s.label for s in speakers] == ["Farid", "Émilie", "Chantal", "David", "Gaëlle", "Bruno", "Anne"]
    assert [s.invited for s in speakers] == [True, True, True, False, False, False, False]


def test_alternate_gives_the_floor_to_each_side_in_turn_from_dark_green():
    votes = [("Anne", "VG"), ("Bruno", "G"), ("Chantal", "G"), ("David", "O"), ("Émilie", "R"), ("Farid", "RR")]
    speakers = speaking_order(votes, "alternate")
    assert [(s.label, s.code) for s in speakers] == [
        ("Anne", "VG"),
        ("Farid", "RR"),
        ("Bruno", "G"),
        ("Émilie", "R"),
        ("Chantal", "G"),
        ("David", "O"),
    ]


def test_the_speaking_order_is_set_per_seance(voted, client_in):
    client_in.post(reverse("debate:speaking_order", args=[voted.pk]), {"speaking_order": "alternate"})
    voted.refresh_from_db()
    assert voted.speaking_order == "alternate"
    shown = item_in_debate(voted, voted.items.get(text=ITEMS[0]))
    assert [s.code for s in shown["speakers"]][:2] == ["VG", "RR"]


def test_an_anonymous_seance_shows_counts_per_colour_and_no_name(facilitator, client_in):
    meeting = build_meeting(facilitator, n_participants=6, items=ITEMS, mode=Meeting.Mode.ANONYMOUS)
    run_round(meeting.current_round(), ROWS)
    item = meeting.items.get(text=ITEMS[0])
    shown = item_in_debate(meeting, item)
    assert shown["speakers"] is None
    assert shown["distribution"]["RR"] == 3 and shown["distribution"]["VG"] == 3
    meeting.debate_item, meeting.phase = item, Meeting.Phase.DEBATE
    meeting.save()
    for url in ("debate:page", "live:projector"):
        page = client_in.get(reverse(url, args=[meeting.pk])).content.decode()
        assert "Anne Leroy" not in page and "Farid Benali" not in page
        assert "rouge foncé" in page
    projected = client_in.get(reverse("live:projector_fragment", args=[meeting.pk])).content.decode()
    assert "Qui le souhaite prend la parole" in projected
