from abaque.analysis import AGENDA_KIND_LABELS, AgendaKind, analyse, debate_agenda, encode

ROWS = [
    ["VG", "VG", "VG", "VG", "VG", "VG"],  # 0: consensus, no dissent: left out
    ["VG", "VG", "RR", "RR", "G", "R"],  # 1: dissensus
    ["VG", "VG", "VG", "RR", "RR", "RR"],  # 2: stronger dissensus
    ["VG", "VG", "VG", "VG", "G", "R"],  # 3: consensus for, one dissenter
    ["VG", "VG", "G", "G", "R", "B"],  # 4: consensus for, two dissenters
    ["RR", "RR", "R", "R", "G", "RR"],  # 5: consensus against, one supporter
    ["B", "B", "B", "B", "G", "W"],  # 6: too few opinions, four blacks
]


def test_the_agenda_starts_with_dissensus_then_minorities_then_items_with_too_few_opinions():
    agenda = debate_agenda(encode(ROWS))
    assert [(e.item, e.kind) for e in agenda] == [
        (2, AgendaKind.DISSENSUS),
        (1, AgendaKind.DISSENSUS),
        (4, AgendaKind.MINORITY),
        (3, AgendaKind.MINORITY),
        (5, AgendaKind.MINORITY),
        (6, AgendaKind.TOO_FEW),
    ]


def test_the_agenda_invites_those_who_voted_red_or_black():
    by_item = {e.item: e for e in debate_agenda(ROWS)}
    assert by_item[2].dissenters == [3, 4, 5]
    assert by_item[4].dissenters == [4, 5]
    assert by_item[6].dissenters == [0, 1, 2, 3]


def test_on_a_consensus_against_the_minority_is_who_voted_green():
    assert {e.item: e for e in debate_agenda(ROWS)}[5].dissenters == [4]


def test_dissensus_score_is_one_minus_consensus_and_minority_score_a_share_of_votes():
    analysis = analyse(ROWS)
    by_item = {e.item: e for e in debate_agenda(analysis)}
    assert by_item[2].score == 1 - analysis.items[2].consensus
    assert by_item[4].score == 2 / 6


def test_the_agenda_is_the_same_from_an_analysis_or_from_the_matrix():
    assert debate_agenda(analyse(ROWS)) == debate_agenda(ROWS)


def test_a_meeting_in_full_agreement_has_an_empty_agenda():
    assert debate_agenda([["VG", "G", "VG"], ["O", "O", "O"]]) == []


def test_every_agenda_kind_has_a_french_label():
    assert set(AGENDA_KIND_LABELS) == {AgendaKind.DISSENSUS, AgendaKind.MINORITY, AgendaKind.TOO_FEW}
