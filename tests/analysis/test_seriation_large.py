"""The scalable seriation, past EXACT_SERIATION_MAX rows: the same promises
as the exact one (a permutation, deterministic, similar rows side by side),
at sizes where it is the one that runs. Fixed seeds keep each case short."""

import numpy as np
import pytest

from abaque.analysis import NOT_VOTED, seriate
from abaque.analysis.matrix import CODE_INDEX
from abaque.analysis.ordering import EXACT_SERIATION_MAX, seriate_rows

SIZES = [EXACT_SERIATION_MAX + 1, EXACT_SERIATION_MAX + 137, 1500]


def two_camps(n_rows: int, n_columns: int, seed: int, density: float = 0.6) -> tuple[np.ndarray, np.ndarray]:
    """Rows of two camps in random order: camp 1 agrees (VG or G) where
    camp 0 disagrees (RR or R) and the other way round; some cells empty,
    a few white or black."""
    rng = np.random.default_rng(seed)
    camp = rng.integers(0, 2, n_rows)
    lean = rng.choice([0, 1], n_columns)  # which camp agrees with each column
    agrees = camp[:, None] == lean[None, :]
    strong = rng.random((n_rows, n_columns)) < 0.5
    codes = np.where(
        agrees,
        np.where(strong, CODE_INDEX["VG"], CODE_INDEX["G"]),
        np.where(strong, CODE_INDEX["RR"], CODE_INDEX["R"]),
    ).astype(np.int8)
    other = rng.random((n_rows, n_columns))
    codes[other < 0.02] = CODE_INDEX["W"]
    codes[other > 0.99] = CODE_INDEX["B"]
    codes[rng.random((n_rows, n_columns)) >= density] = NOT_VOTED
    return codes, camp


def changes(sequence) -> int:
    return int(np.count_nonzero(np.diff(np.asarray(sequence))))


@pytest.mark.parametrize("n_rows", SIZES)
def test_the_large_seriation_returns_a_permutation_and_is_deterministic(n_rows):
    matrix, _ = two_camps(n_rows, 40, seed=n_rows)
    order = seriate_rows(matrix)
    assert sorted(order) == list(range(n_rows))
    assert seriate_rows(matrix.copy()) == order


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("n_rows", SIZES)
def test_two_opposed_camps_stay_contiguous(n_rows, seed):
    matrix, camp = two_camps(n_rows, 40, seed=seed * 1000 + n_rows)
    order = seriate_rows(matrix)
    assert changes(camp[order]) == 1  # one camp, then the other


def test_both_axes_past_the_threshold_keep_their_camps_together():
    # Participants (columns) past the threshold too: the seriation of a
    # territory's consultation, items × participants.
    columns, camp = two_camps(EXACT_SERIATION_MAX + 50, EXACT_SERIATION_MAX + 20, seed=9)
    rows_order, columns_order = seriate(columns.T)
    assert sorted(columns_order) == list(range(columns.shape[0]))
    assert sorted(rows_order) == list(range(columns.shape[1]))
    assert changes(camp[columns_order]) == 1


def test_the_large_seriation_does_not_depend_on_the_entered_order_of_camps():
    matrix, camp = two_camps(EXACT_SERIATION_MAX + 80, 30, seed=5)
    shuffled = np.random.default_rng(0).permutation(len(camp))
    order = seriate_rows(matrix[shuffled])
    assert sorted(order) == list(range(len(camp)))
    assert changes(camp[shuffled][order]) == 1
