import pytest
from hypothesis import given

from abaque.analysis import analyse, encode
from abaque.analysis.stats import agreements

from .analysis_strategies import matrices, quick


def test_participants_have_their_counts_and_mean_over_opinions():
    participant = analyse([["VG", "R"], ["W", "G"], [None, "G"], ["O", "G"]]).participants[0]
    assert participant.counts == {"VG": 1, "G": 0, "O": 1, "R": 0, "RR": 0, "W": 1, "B": 0}
    assert participant.not_voted == 1
    assert participant.mean == pytest.approx(1.0)


def test_agreement_is_one_when_everyone_votes_alike():
    stats = analyse([["G"] * 4, ["RR"] * 4]).participants
    assert [p.agreement for p in stats] == [1.0] * 4


def test_the_participant_opposed_to_a_unanimous_group_has_zero_agreement():
    stats = analyse([["VG", "VG", "VG", "RR"]]).participants
    assert stats[3].agreement == 0.0
    assert stats[0].agreement == pytest.approx(1 - (4 / 3) / 4)


def test_agreement_is_none_for_whoever_gave_no_opinion_or_voted_alone():
    stats = analyse([["W", "G", None], ["B", None, "VG"]]).participants
    assert [p.agreement for p in stats] == [None, None, None]


@quick
@given(matrices())
def test_agreement_is_between_zero_and_one(rows):
    for agreement in agreements(encode(rows)):
        assert agreement is None or 0.0 <= agreement <= 1.0
