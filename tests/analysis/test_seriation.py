import numpy as np
from hypothesis import given

from abaque.analysis import analyse, encode, seriate
from abaque.analysis.ordering import NON_OPINION_GAP, pair_distances

from .analysis_strategies import matrices, quick


@quick
@given(matrices(max_items=12, max_participants=12))
def test_seriation_returns_permutations_and_is_deterministic(rows):
    encoded = encode(rows)
    rows_order, columns_order = seriate(encoded)
    assert sorted(rows_order) == list(range(encoded.shape[0]))
    assert sorted(columns_order) == list(range(encoded.shape[1]))
    assert seriate(encoded.copy()) == (rows_order, columns_order)


def test_seriation_handles_empty_single_and_pairs_of_rows_and_columns():
    assert seriate(encode([])) == ([], [])
    assert seriate(encode([["VG"]])) == ([0], [0])
    assert seriate(encode([["VG", "RR"], ["RR", "VG"]])) == ([0, 1], [0, 1])
    assert seriate(np.zeros((0, 3), dtype=np.int8)) == ([], [0, 1, 2])


def test_identical_rows_keep_their_entered_order():
    assert seriate(encode([["G", "W", None]] * 5)) == ([0, 1, 2, 3, 4], [0, 1, 2])


def test_seriation_puts_similar_items_side_by_side_greener_first():
    pro, anti = ["VG", "VG", "G", "RR", "R", "RR"], ["RR", "R", "RR", "VG", "G", "VG"]
    rows = [anti, pro, anti, pro, anti, pro]
    rows_order, columns_order = seriate(encode(rows))
    assert sorted(rows_order[:3]) in ([0, 2, 4], [1, 3, 5])
    assert analyse(rows).items[rows_order[0]].mean >= analyse(rows).items[rows_order[-1]].mean
    assert sorted(columns_order[:3]) in ([0, 1, 2], [3, 4, 5])


def test_seriation_distance_compares_opinions_whites_blacks_and_skips_empty_cells():
    distances = pair_distances(encode([["VG", "W", None], ["RR", "W", "G"], ["VG", "B", "B"]]))
    assert np.allclose(distances, distances.T)
    assert np.all(np.diag(distances) == 0)
    assert distances[0, 1] == (1.0 + 0.0) / 2  # VG vs RR, W vs W; the empty cell is skipped
    assert distances[0, 2] == (0.0 + NON_OPINION_GAP) / 2


@quick
@given(matrices())
def test_seriation_distances_stay_between_zero_and_one(rows):
    distances = pair_distances(encode(rows))
    assert np.all((0 <= distances) & (distances <= 1))
