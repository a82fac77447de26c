import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

from abaque.analysis.groups import MIN_GROUP_SIZE, MIN_PARTICIPANTS, opinion_groups
from abaque.analysis.matrix import CODE_INDEX, NOT_VOTED

VG, RR, W = CODE_INDEX["VG"], CODE_INDEX["RR"], CODE_INDEX["W"]


def two_camps(n_items=20, per_camp=10, seed=0):
    rng = np.random.default_rng(seed)
    lean = np.where(np.arange(n_items) % 2 == 0, VG, RR)
    other = np.where(lean == VG, RR, VG)
    matrix = np.concatenate([np.repeat(lean[:, None], per_camp, 1), np.repeat(other[:, None], per_camp, 1)], 1)
    matrix[rng.random(matrix.shape) < 0.15] = NOT_VOTED
    return matrix.astype(np.int8)


def partition_of(labels):
    return {frozenset(j for j, g in enumerate(labels) if g == k) for k in set(labels) if k is not None}


def test_two_opposed_camps_are_split_into_exactly_those_two():
    result = opinion_groups(two_camps())
    assert partition_of(result.labels) == {frozenset(range(10)), frozenset(range(10, 20))}


def test_each_camp_is_characterised_by_its_own_votes():
    matrix = two_camps()
    result = opinion_groups(matrix)
    group = result.groups[result.labels[0]]
    agreed = {r.item for r in group.representative if r.direction == "agree"}
    assert agreed and all(matrix[i, 0] == VG for i in agreed)


def test_an_item_every_camp_approves_is_a_group_informed_consensus():
    matrix = two_camps()
    matrix[3, :] = VG
    assert 3 in {c.item for c in opinion_groups(matrix).consensus if c.direction == "agree"}


def test_too_few_participants_give_no_groups_and_say_why():
    result = opinion_groups(two_camps(per_camp=(MIN_PARTICIPANTS - 1) // 2))
    assert result.groups == [] and "Pas de groupes" in result.reason


def test_white_is_missing_data_not_a_zero_opinion():
    matrix = two_camps()
    matrix[:, 0] = np.where(np.arange(20) < 12, matrix[:, 0], W)  # fewer opinions, same camp
    result = opinion_groups(matrix)
    assert result.labels[0] == result.labels[1]


matrices = st.integers(0, 2**31 - 1).map(
    lambda seed: np.random.default_rng(seed).integers(-1, 7, size=(10, 16)).astype(np.int8)
)


@settings(max_examples=30, deadline=None)
@given(matrices)
def test_groups_are_a_partition_of_the_grouped_participants(matrix):
    result = opinion_groups(matrix)
    members = [j for g in result.groups for j in g.members]
    assert sorted(members) == [j for j, g in enumerate(result.labels) if g is not None]
    assert all(result.labels[j] == g.id for g in result.groups for j in g.members)


@settings(max_examples=30, deadline=None)
@given(matrices, st.randoms(use_true_random=False))
def test_groups_are_deterministic_and_invariant_under_a_permutation_of_participants(matrix, random):
    permutation = list(range(matrix.shape[1]))
    random.shuffle(permutation)
    first, again = opinion_groups(matrix), opinion_groups(matrix.copy())
    assert first.labels == again.labels
    shuffled = opinion_groups(matrix[:, permutation])
    back = [None] * len(permutation)
    for new, old in enumerate(permutation):
        back[old] = shuffled.labels[new]
    assert partition_of(back) == partition_of(first.labels)


@settings(max_examples=30, deadline=None)
@given(matrices)
@example(np.random.default_rng(202).integers(-1, 7, size=(10, 16)).astype(np.int8))  # once gave a group of 2
def test_no_group_is_smaller_than_the_minimum_group_size(matrix):
    assert all(g.size >= MIN_GROUP_SIZE for g in opinion_groups(matrix).groups)
