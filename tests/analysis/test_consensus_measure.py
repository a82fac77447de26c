import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from abaque import scale
from abaque.analysis import consensus

from .analysis_strategies import opinions, quick

WEIGHTS = sorted(set(scale.WEIGHTS.values()))


@quick
@given(st.sampled_from(WEIGHTS), st.integers(1, 60))
def test_consensus_is_one_when_all_opinions_agree(weight, n):
    assert consensus([weight] * n) == 1.0


@quick
@given(st.integers(1, 30))
def test_consensus_is_zero_for_an_even_split_between_the_two_extremes(n):
    assert consensus({max(WEIGHTS): n, min(WEIGHTS): n}) == 0.0


@quick
@given(st.lists(opinions, min_size=1, max_size=40))
def test_consensus_stays_between_zero_and_one(codes):
    assert 0.0 <= consensus([scale.WEIGHTS[c] for c in codes]) <= 1.0


def test_consensus_is_none_without_any_opinion():
    assert consensus([]) is None
    assert consensus([np.nan, np.nan]) is None
    assert consensus({"W": 3, "B": 2}) is None


def test_consensus_reads_counts_by_weight_by_code_or_individual_weights_alike():
    by_weight = consensus({2: 3, 1: 1, -1: 2})
    assert consensus({"VG": 3, "G": 1, "R": 2, "W": 5, "B": 1, "O": 0}) == by_weight
    assert consensus([2, -1, 2, 1, np.nan, -1, 2]) == by_weight


def test_consensus_of_an_even_split_over_two_adjacent_levels_follows_tastle_and_wierman():
    # mu = 1.5, each level 0.5 away: 1 + log2(1 - 0.5/4)
    assert consensus({2: 1, 1: 1}) == pytest.approx(1 + math.log2(0.875))


def test_consensus_uses_the_width_of_the_scale_not_the_spread_of_the_votes():
    # Green against red is the full span of the three-opinion scale only.
    assert consensus({1: 2, -1: 2}, width=2) == 0.0
    assert consensus({1: 2, -1: 2}, width=4) == pytest.approx(1 + math.log2(0.75))


def test_consensus_refuses_opinions_spread_wider_than_the_scale():
    with pytest.raises(ValueError):
        consensus({2: 1, -2: 1}, width=2)
