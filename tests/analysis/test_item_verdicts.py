import pytest
from hypothesis import given
from hypothesis import strategies as st

from abaque import scale
from abaque.analysis import VERDICT_LABELS, Verdict, encode
from abaque.analysis.stats import item_stats
from abaque.analysis.verdict import MIN_OPINIONS, verdict_of

from .analysis_strategies import NON_OPINIONS, opinions, quick


def item(*cells):
    """Stats of a single item voted by these cells."""
    return item_stats(encode([list(cells)]))[0]


def test_an_item_everyone_strongly_agrees_with_is_a_consensus_for():
    assert item(*["VG"] * 12).verdict == Verdict.CONSENSUS_FOR


def test_an_item_split_between_dark_green_and_dark_red_is_a_dissensus():
    stats = item(*["VG"] * 6, *["RR"] * 6)
    assert stats.consensus == 0.0
    assert stats.verdict == Verdict.DISSENSUS


def test_an_item_everyone_is_mitigated_about_is_mitigated():
    stats = item(*["O"] * 12)
    assert stats.consensus == 1.0
    assert stats.verdict == Verdict.MITIGATED


def test_an_item_mostly_voted_red_is_a_consensus_against():
    assert item(*["R"] * 6, *["RR"] * 5, "O").verdict == Verdict.CONSENSUS_AGAINST


def test_one_opinion_among_twelve_blacks_is_too_few():
    assert item("G", *["B"] * 12).verdict == Verdict.TOO_FEW


def test_fewer_opinions_than_the_minimum_is_too_few_even_in_a_small_group():
    assert item(*["VG"] * (MIN_OPINIONS - 1)).verdict == Verdict.TOO_FEW
    assert item(*["VG"] * MIN_OPINIONS).verdict == Verdict.CONSENSUS_FOR


def test_more_whites_and_blacks_than_opinions_is_too_few():
    assert item(*["VG"] * 4, *["W"] * 3, *["B"] * 2).verdict == Verdict.TOO_FEW


def test_a_strong_majority_with_one_dark_red_is_still_a_consensus_for():
    stats = item(*["VG"] * 11, "RR")
    assert 0.5 < stats.consensus < 0.7
    assert stats.verdict == Verdict.CONSENSUS_FOR


def test_an_even_split_between_green_and_red_is_mitigated():
    assert item(*["G"] * 5, *["R"] * 5).verdict == Verdict.MITIGATED


def test_mean_thresholds_scale_with_the_width_of_a_reduced_scale():
    # Half green, half orange: a mean of half a step on the -1..+1 scale.
    assert verdict_of(6, 6, 0.5, 0.585, width=2) == Verdict.CONSENSUS_FOR
    assert verdict_of(6, 6, 0.5, 0.585, width=4) == Verdict.MITIGATED


def test_every_verdict_has_a_french_label():
    verdicts = {v for k, v in vars(Verdict).items() if k.isupper()}
    assert set(VERDICT_LABELS) == verdicts
    assert VERDICT_LABELS[Verdict.TOO_FEW] == "Trop peu d'avis"


def test_item_counts_hold_all_seven_codes_and_the_empty_cells():
    stats = item("VG", "VG", "W", "B", None, "")
    assert stats.counts == {"VG": 2, "G": 0, "O": 0, "R": 0, "RR": 0, "W": 1, "B": 1}
    assert list(stats.counts) == list(scale.CODES)
    assert (stats.not_voted, stats.n_opinions, stats.n_voted) == (2, 2, 4)


def test_dissenters_are_the_participants_who_voted_red_dark_red_or_black():
    stats = item("VG", "R", "W", "RR", None, "B", "O")
    assert stats.dissenters == [1, 3, 5]
    assert stats.supporters == [0]


def test_mean_and_consensus_are_none_without_any_opinion():
    stats = item("W", "B", None)
    assert (stats.mean, stats.consensus, stats.verdict) == (None, None, Verdict.TOO_FEW)


def test_the_mean_is_over_opinions_only():
    assert item("VG", "G", "W", "B", None).mean == pytest.approx(1.5)


@quick
@given(
    st.lists(opinions, min_size=1, max_size=20),
    st.lists(st.tuples(st.integers(0, 20), st.sampled_from(NON_OPINIONS)), max_size=15),
)
def test_white_black_and_empty_cells_never_change_mean_or_consensus(codes, insertions):
    padded = list(codes)
    for position, cell in insertions:
        padded.insert(position % (len(padded) + 1), cell)
    plain, with_others = item(*codes), item(*padded)
    assert (with_others.mean, with_others.consensus) == (plain.mean, plain.consensus)
