"""Séances that voted on the same items, side by side."""

import pytest
from conftest import build_meeting

from abaque.plans.compare import compare_meetings, normalise
from tests.builders import attach, make_process, vote_rows


def test_normalising_ignores_case_spaces_apostrophes_and_the_final_dot():
    assert normalise("  Créer un  café associatif. ") == normalise("créer un café associatif")
    assert normalise("Un fonds d’initiatives") == normalise("Un fonds d'initiatives")
    assert normalise("Covoiturage solidaire") != normalise("Covoiturage")


@pytest.fixture
def seances(facilitator):
    first = build_meeting(facilitator, n_participants=4, title="Groupe test")
    vote_rows(first, ["VG VG G G", "RR R VG VG", "G G G O"])
    second = build_meeting(
        facilitator,
        n_participants=3,
        title="Réunion publique",
        items=("créer un café associatif.", "Un atelier vélo", "COVOITURAGE SOLIDAIRE"),
    )
    vote_rows(second, ["R R RR", "G G G", "VG VG G"])
    return first, second


def test_only_items_voted_by_both_seances_are_compared(seances):
    rows = compare_meetings(seances)
    assert [r.text for r in rows] == ["Créer un café associatif", "Covoiturage solidaire"]


def test_each_seance_keeps_its_own_figures_for_a_common_item(seances):
    cafe = compare_meetings(seances)[0]
    first, second = cafe.cells
    assert first.stats.counts["VG"] == 2 and first.stats.mean == 1.5
    assert first.verdict_label == "Consensus pour"
    assert second.stats.counts["R"] == 2 and second.stats.mean == pytest.approx(-4 / 3)
    assert second.verdict_label == "Consensus contre"


def test_an_item_missing_from_one_of_three_seances_shows_an_empty_cell(facilitator, seances):
    third = build_meeting(facilitator, n_participants=3, title="Copil", items=("Un atelier vélo",))
    vote_rows(third, ["G O G"])
    rows = {r.text: r for r in compare_meetings([*seances, third])}
    assert rows["Un atelier vélo"].cells[0] is None
    assert rows["Un atelier vélo"].cells[1] is not None and rows["Un atelier vélo"].cells[2] is not None


def test_a_second_round_after_the_debate_replaces_the_first_for_its_items(facilitator, seances):
    from abaque.meetings.rounds import close_round, new_round

    first, second = seances
    close_round(first.current_round())
    new_round(first, [first.items.get(text="Un fonds d'initiatives habitants")])
    vote_rows(first, ["G G G G"])
    rows = compare_meetings([first, first])  # the same séance twice: every item is common
    by_text = {r.text: r.cells[0].stats for r in rows}
    assert by_text["Un fonds d'initiatives habitants"].counts["G"] == 4  # from round 2
    assert by_text["Créer un café associatif"].counts["VG"] == 2  # still from round 1


def test_the_page_compares_the_seances_of_the_demarche_by_default(client_in, facilitator, seances):
    process = make_process(facilitator)
    cycle = process.cycles.get()
    for seance in seances:
        attach(cycle, seance)
    page = client_in.get(f"/demarches/{process.pk}/comparer/").content.decode()
    assert "Créer un café associatif" in page and "Covoiturage solidaire" in page
    assert "Un atelier vélo" not in page
    assert page.count('class="distribution"') == 4  # 2 items × 2 séances


def test_the_page_ignores_seances_of_other_demarches(client_in, facilitator, other_facilitator, seances):
    process = make_process(facilitator)
    attach(process.cycles.get(), seances[0])
    foreign = build_meeting(other_facilitator, title="Séance étrangère")
    page = client_in.get(
        f"/demarches/{process.pk}/comparer/?seance={seances[0].pk}&seance={foreign.pk}"
    ).content.decode()
    assert "Séance étrangère" not in page
    assert "Choisissez au moins deux séances" in page
