"""A séance with votes, two rounds, notes and recordings, shared by the report
and mail tests; and the tests of the report's content itself."""

import random

from conftest import build_meeting

from abaque import scale
from abaque.debate.models import Note, Recording
from abaque.meetings.models import ItemRevision, Vote
from abaque.meetings.rounds import close_round, new_round, open_round
from abaque.meetings.votes import cast_vote
from abaque.reports.content import build_report

ITEMS = (
    "Créer un café associatif",
    "Un fonds d'initiatives habitants",
    "Covoiturage solidaire",
    "Fête des voisins dans chaque hameau",
    "Une épicerie itinérante",
)
# Votes of the first round, one string per item, one letter per participant:
# the first three items reach a consensus, the fourth splits the room.
FIRST_ROUND = ("VG VG G VG G VG", "G G VG G O W", "RR R RR R RR B", "VG RR G R VG B", "O G R W VG RR")
NOTE = "Les habitants des hameaux craignent d'être oubliés ; proposer un calendrier tournant."


def vote_round(round_, rows, source=Vote.Source.GRID):
    participants = list(round_.meeting.participants.all())
    for entry, row in zip(round_.round_items.select_related("item"), rows):
        for participant, code in zip(participants, row.split()):
            cast_vote(round_, entry.item, participant, code, source)


def voted_meeting(facilitator, **fields):
    """6 participants, 5 items, a second round on the fourth item, reworded."""
    meeting = build_meeting(facilitator, n_participants=6, items=ITEMS, **fields)
    for i, p in enumerate(meeting.participants.all()):
        p.email = f"participant{i + 1}@exemple.fr" if i < 5 else ""
        p.save()
    first = meeting.current_round()
    open_round(first)
    vote_round(first, FIRST_ROUND)
    close_round(first)
    debated = meeting.active_items().get(text=ITEMS[3])
    Note.objects.create(meeting=meeting, item=debated, text=NOTE)
    Recording.objects.create(meeting=meeting, item=debated, file="recordings/debat.webm", duration_seconds=125)
    ItemRevision.objects.create(item=debated, text=debated.text, reason="Mal compris")
    debated.text = "Une fête des voisins tournante entre les hameaux"
    debated.save()
    second = new_round(meeting, [debated])
    open_round(second)
    vote_round(second, ("VG G G O VG W",), Vote.Source.PHONE)
    close_round(second)
    return meeting


def big_meeting(facilitator, n_participants=40, n_items=40, seed=7):
    """A full room: random but repeatable votes, for the landscape fit."""
    rng = random.Random(seed)
    items = [
        f"Proposition numéro {i + 1} : {rng.choice(ITEMS).lower()} avec les habitants du territoire"
        for i in range(n_items)
    ]
    meeting = build_meeting(facilitator, n_participants=n_participants, items=items, territory="PNR du Haut-Vallon")
    rows = [" ".join(rng.choice(scale.CODES[:5] * 3 + scale.CODES[5:]) for _ in range(n_participants)) for _ in items]
    first = meeting.current_round()
    open_round(first)
    vote_round(first, rows)
    close_round(first)
    return meeting


def test_it_lists_consensus_items_and_the_debated_item_with_its_note(facilitator):
    report = build_report(voted_meeting(facilitator))
    # the fourth item reached a consensus in the second round, reworded
    assert [o.number for o in report.consensus] == [1, 2, 3, 4]
    assert [o.verdict_label for o in report.consensus] == [
        "Consensus pour",
        "Consensus pour",
        "Consensus contre",
        "Consensus pour",
    ]
    debated = {d.item.number: d for d in report.debated}
    assert debated[4].note == NOTE
    assert debated[4].kind == "Dissensus"
    assert debated[4].invited == ["Bruno Petit", "David Girard", "Farid Benali"]


def test_it_keeps_the_last_round_as_the_outcome_of_a_revoted_item(facilitator):
    report = build_report(voted_meeting(facilitator))
    fourth = report.outcomes[3]
    assert (fourth.round_number, fourth.text, fourth.verdict_label) == (
        2,
        "Une fête des voisins tournante entre les hameaux",
        "Consensus pour",
    )


def test_it_compares_the_two_rounds_with_who_changed_their_vote(facilitator):
    report = build_report(voted_meeting(facilitator))
    [evolution] = report.evolutions
    [item] = evolution.items
    assert item.text_before == ITEMS[3] and item.reworded
    assert (item.verdict_before_label, item.verdict_after_label) == ("Dissensus", "Consensus pour")
    moves = [(m.label, m.level_from.code, m.level_to.code) for m in item.moves]
    assert moves == [("Bruno Petit", "RR", "G"), ("David Girard", "R", "O"), ("Farid Benali", "B", "W")]


def test_it_gathers_the_moves_by_change_of_colour_in_the_scales_order():
    from abaque import scale
    from abaque.reports.content import EvolutionItem, VoteMove

    level = scale.BY_CODE.__getitem__
    moves = [
        VoteMove(name, level(a), level(b))
        for name, a, b in [("Anne", "R", "G"), ("Bruno", "VG", "G"), ("Chantal", "R", "G"), ("David", "R", "O")]
    ]
    item = EvolutionItem(1, "x", "x", "Dissensus", "Consensus pour", 0.4, 0.8, moves)
    groups = [(g.level_from.code, g.level_to.code, g.labels) for g in item.move_groups]
    assert groups == [("VG", "G", ["Bruno"]), ("R", "G", ["Anne", "Chantal"]), ("R", "O", ["David"])]


def test_it_shows_letters_and_no_name_in_an_anonymous_seance(facilitator):
    report = build_report(voted_meeting(facilitator, mode="anonymous"))
    assert [p.label for p in report.participants] == ["A", "B", "C", "D", "E", "F"]
    assert all(p.name == "" for p in report.participants)
    assert report.debated[0].invited == ["B", "D", "F"]


def test_it_lists_recordings_with_item_and_duration(facilitator):
    report = build_report(voted_meeting(facilitator))
    assert [(r.number, r.duration) for r in report.recordings] == [(4, "2 min 05 s")]


def test_each_round_is_analysed_once_for_the_whole_report(facilitator, monkeypatch):
    from abaque.meetings import matrix

    meeting = voted_meeting(facilitator)
    calls = []
    real = matrix.analyse
    monkeypatch.setattr(matrix, "analyse", lambda *a, **k: calls.append(1) or real(*a, **k))
    report = build_report(meeting)
    assert len(calls) == len(report.rounds) == 2


def test_the_report_leaves_the_ordered_rows_as_they_were_made(facilitator, monkeypatch):
    from abaque.meetings import matrix
    from abaque.reports import content

    made = []
    real = matrix.ordered_matrix

    def keep(*args, **kwargs):
        table = real(*args, **kwargs)
        made.append((table, [dict(row) for row in table["rows"]]))
        return table

    monkeypatch.setattr(content, "ordered_matrix", keep)
    build_report(voted_meeting(facilitator))
    assert made and all(table["rows"] == copies for table, copies in made)


def test_it_says_how_many_took_part_each_way_and_can_show_one_origin_only(facilitator):
    from abaque.meetings.models import Participant

    meeting = voted_meeting(facilitator)
    online = list(meeting.participants.all()[:2])
    Participant.objects.filter(pk__in=[p.pk for p in online]).update(origin="online")
    report = build_report(meeting)
    assert report.origin_counts == [("En salle", 4), ("En ligne", 2)]
    assert len(report.participants) == 6
    only_online = build_report(meeting, origin="online")
    assert [p.participant.pk for p in only_online.participants] == [p.pk for p in online]
    assert len(only_online.rounds[0].matrices[0].participants) == 2
    assert only_online.origin_counts == report.origin_counts
