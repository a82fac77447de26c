import pytest

from abaque.analysis import Move, Verdict, compare_rounds, encode


def test_a_move_is_a_cell_voted_in_both_rounds_with_a_different_code():
    before = [["VG", "RR", "G", None, "W"]]
    after = [["VG", "G", None, "O", "G"]]
    assert compare_rounds(before, after)[0].moves == [Move(1, "RR", "G"), Move(4, "W", "G")]


def test_compare_rounds_gives_each_item_its_figures_before_and_after():
    before = encode([["VG", "VG", "RR", "RR"], ["G", "G", "G", "G"]])
    after = encode([["VG", "VG", "G", "G"], ["G", "G", "G", "G"]])
    changed, same = compare_rounds(before, after)
    assert changed.item == 0
    assert (changed.verdict_before, changed.verdict_after) == (Verdict.DISSENSUS, Verdict.CONSENSUS_FOR)
    assert (changed.consensus_before, changed.mean_before, changed.mean_after) == (0.0, 0.0, 1.5)
    assert changed.consensus_after > 0.7
    assert same.moves == [] and same.consensus_before == same.consensus_after == 1.0


def test_rounds_of_different_shapes_are_refused():
    with pytest.raises(ValueError, match="shapes"):
        compare_rounds([["VG", "G"]], [["VG"]])
