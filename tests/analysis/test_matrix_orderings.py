import pytest
from hypothesis import given
from hypothesis import strategies as st

from abaque.analysis import ORDERS, analyse, encode, order_items, order_participants
from abaque.analysis.stats import item_stats

from .analysis_strategies import matrices, quick


@quick
@given(matrices())
def test_every_ordering_of_items_and_participants_is_a_permutation(rows):
    analysis = analyse(rows)
    n_participants = len(rows[0]) if rows else 0
    for by in ORDERS:
        assert sorted(analysis.item_orders[by]) == list(range(len(rows)))
        assert sorted(analysis.participant_orders[by]) == list(range(n_participants))


@quick
@given(matrices(), st.randoms(use_true_random=False))
def test_item_figures_are_invariant_under_permutation_of_participants(rows, random):
    columns = list(range(len(rows[0]) if rows else 0))
    random.shuffle(columns)
    shuffled = [[row[j] for j in columns] for row in rows]
    for plain, permuted in zip(item_stats(encode(rows)), item_stats(encode(shuffled))):
        assert (permuted.mean, permuted.consensus, permuted.verdict, permuted.counts) == (
            plain.mean,
            plain.consensus,
            plain.verdict,
            plain.counts,
        )


def test_entered_order_is_the_identity():
    rows = [["RR", "VG"], ["VG", "G"], ["O", "O"]]
    assert order_items(rows, "entered") == [0, 1, 2]
    assert order_participants(rows, "entered") == [0, 1]


def test_mean_order_goes_from_green_to_red_with_items_without_opinion_last():
    rows = [["W", "B"], ["R", "RR"], ["G", "G"], ["VG", "VG"], ["O", "G"], ["G", "G"]]
    # Ties (items 2 and 5) keep their entered order.
    assert order_items(rows, "mean") == [3, 2, 5, 4, 1, 0]


def test_consensus_order_puts_the_strongest_consensus_first_and_none_last():
    rows = [["VG", "RR", "O"], ["W", None, "B"], ["G", "G", "G"], ["VG", "G", "O"]]
    assert order_items(rows, "consensus") == [2, 3, 0, 1]


def test_participants_are_ordered_by_mean_and_by_agreement_with_the_group():
    rows = [["VG", "G", "RR", "VG"], ["VG", "O", "RR", "G"], ["G", "G", "R", "G"]]
    assert order_participants(rows, "mean") == [0, 3, 1, 2]
    assert order_participants(rows, "consensus")[-1] == 2


def test_an_unknown_order_is_refused():
    with pytest.raises(ValueError, match="unknown order"):
        order_items([["VG"]], "alphabet")
