"""The evolution between two rounds: aligned on items and participants,
with consensus and verdict before and after, and who moved."""

from html import unescape

import pytest
from django.urls import reverse

from abaque.analysis import consensus
from abaque.debate.evolution import aligned_rounds, evolution
from abaque.meetings.models import Meeting
from abaque.meetings.rounds import new_round
from tests.builders import run_round
from tests.conftest import build_meeting


def test_rounds_are_aligned_on_their_common_items_and_participants(two_rounds):
    meeting, first, second = two_rounds
    entries, participants, codes_a, codes_b = aligned_rounds(first, second)
    assert [e.item.text for e in entries] == ["Créer un café associatif", "Covoiturage solidaire"]
    assert participants == list(meeting.participants.all())
    assert codes_a == [["VG", "VG", "R", "RR"], ["RR", "R", "VG", "G"]]
    assert codes_b == [["VG", "VG", "G", "O"], ["RR", "R", "VG", "G"]]


def test_it_says_who_moved_from_which_colour_to_which(two_rounds):
    meeting, first, second = two_rounds
    cafe = evolution(meeting, first, second)[0]
    assert [(m["label"], m["code_from"], m["code_to"], m["towards"]) for m in cafe["moves"]] == [
        ("Chantal Roux", "R", "G", "agree"),
        ("David Girard", "RR", "O", "agree"),
    ]


def test_consensus_before_and_after_match_the_measure_on_the_counts(two_rounds):
    meeting, first, second = two_rounds
    cafe, covoiturage = evolution(meeting, first, second)
    assert cafe["consensus_before"] == consensus({"VG": 2, "R": 1, "RR": 1}, meeting.scale_width)
    assert cafe["consensus_after"] == consensus(cafe["counts_after"], meeting.scale_width)
    assert cafe["consensus_delta"] == pytest.approx(cafe["consensus_after"] - cafe["consensus_before"])
    assert cafe["consensus_delta"] > 0
    assert (cafe["verdict_before"], cafe["verdict_after"]) == ("dissensus", "consensus_for")
    assert covoiturage["moves"] == [] and covoiturage["consensus_delta"] == 0


def test_a_reworded_item_shows_both_wordings(two_rounds):
    meeting, first, _ = two_rounds
    item = meeting.items.get(text="Covoiturage solidaire")
    item.text = "Covoiturage entre voisins"
    item.save()
    third = new_round(meeting, [item])
    row = evolution(meeting, first, third)[0]
    assert row["reworded"] and (row["text_before"], row["text_after"]) == (
        "Covoiturage solidaire",
        "Covoiturage entre voisins",
    )


def test_the_page_compares_the_last_two_rounds_by_default(two_rounds, client_in):
    meeting, _, _ = two_rounds
    page = unescape(client_in.get(reverse("debate:evolution", args=[meeting.pk])).content.decode())
    assert 'Dissensus</span> → <span class="verdict consensus_for">Consensus pour' in page
    assert "Chantal Roux" in page and "rose → vert clair" in page
    assert "▲" in page and "Personne n'a changé de couleur." in page


def test_an_anonymous_seance_shows_letters_instead_of_names(facilitator, client_in):
    meeting = build_meeting(facilitator, mode=Meeting.Mode.ANONYMOUS)
    first = run_round(meeting.current_round(), ["VG VG R RR", "VG G G VG", "RR R VG G"])
    run_round(new_round(meeting, [meeting.items.first()]), ["VG VG G O"])
    assert [m["label"] for m in evolution(meeting, first, meeting.current_round())[0]["moves"]] == ["C", "D"]
    page = client_in.get(reverse("debate:evolution", args=[meeting.pk]) + "?de=1&a=2").content.decode()
    assert "Chantal" not in page and '<span class="who">C</span>' in page


def test_with_one_round_the_page_says_to_wait_for_a_second(meeting, client_in):
    page = unescape(client_in.get(reverse("debate:evolution", args=[meeting.pk])).content.decode())
    assert "Un seul tour de vote pour l'instant" in page


def test_an_unknown_round_number_answers_404(two_rounds, client_in):
    meeting, _, _ = two_rounds
    assert client_in.get(reverse("debate:evolution", args=[meeting.pk]) + "?de=1&a=7").status_code == 404


def project(client, meeting, show, next_page="debate"):
    return client.post(
        reverse("debate:project_evolution", args=[meeting.pk]), {"show": show, "next": next_page}, follow=True
    )


def test_the_facilitator_projects_the_evolution_and_the_projector_shows_it(two_rounds, client_in):
    meeting, first, second = two_rounds
    response = project(client_in, meeting, "1")
    assert response.redirect_chain[-1][0] == reverse("debate:page", args=[meeting.pk])
    meeting.refresh_from_db()
    assert meeting.phase == Meeting.Phase.EVOLUTION
    html = unescape(client_in.get(reverse("live:projector_fragment", args=[meeting.pk])).content.decode())
    assert "Du tour 1 au tour 2" in html and "Tour 2 · Évolution" in html
    # Each item keeps its séance number: the café is 1, the covoiturage 3.
    assert '<span class="pj-num">1</span> <span class="pj-text">Créer un café associatif' in html
    assert '<span class="pj-num">3</span> <span class="pj-text">Covoiturage solidaire' in html
    assert "Un fonds d'initiatives habitants" not in html  # not revoted


def test_going_back_returns_the_projector_to_the_debate_or_the_results(two_rounds, client_in):
    meeting, _, _ = two_rounds
    project(client_in, meeting, "1")
    project(client_in, meeting, "0", "controls")
    meeting.refresh_from_db()
    assert meeting.phase == Meeting.Phase.RESULTS
    client_in.post(reverse("debate:choose", args=[meeting.pk]), {"item": meeting.items.first().pk})
    project(client_in, meeting, "1")
    project(client_in, meeting, "0")
    meeting.refresh_from_db()
    assert meeting.phase == Meeting.Phase.DEBATE


def test_one_round_cannot_be_projected_as_an_evolution(meeting, client_in):
    run_round(meeting.current_round(), ["VG VG R RR", "VG G G VG", "RR R VG G"])
    response = project(client_in, meeting, "1", "evolution")
    meeting.refresh_from_db()
    assert meeting.phase == Meeting.Phase.RESULTS
    assert "Il faut deux tours de vote clos" in unescape(response.content.decode())


def test_opening_a_vote_takes_the_projector_off_the_evolution(two_rounds, client_in):
    meeting, _, _ = two_rounds
    project(client_in, meeting, "1")
    new_round(meeting, [meeting.items.first()])
    client_in.post(reverse("live:open", args=[meeting.pk]))
    meeting.refresh_from_db()
    assert meeting.phase == Meeting.Phase.VOTE


@pytest.mark.parametrize("page", ["debate:page", "debate:evolution", "live:controls"])
def test_every_page_that_steers_the_projector_offers_the_evolution(two_rounds, client_in, page):
    meeting, _, _ = two_rounds
    html = unescape(client_in.get(reverse(page, args=[meeting.pk])).content.decode())
    assert reverse("debate:project_evolution", args=[meeting.pk]) in html
    assert "Projeter l'évolution entre les tours" in html
