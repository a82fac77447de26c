"""Pol.is exports read by `abaque analyse`.

Data: two real Pol.is conversations in /work/shared/data/polis/ (copied from
compdemocracy/openData). Data was gathered using the Polis software
(compdemocracy.org/polis) and is sub-licensed under CC BY 4.0 with
Attribution to The Computational Democracy Project. The data and more
information about how the data was collected can be found at the following
link(s): https://compdemocracy.org/case-studies/2022-london-youth-policing
and https://github.com/compdemocracy/openData (bg2050-volunteers)
"""

import csv
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from abaque.analysis.polis import read_polis

POLIS = Path("/work/shared/data/polis")
CONVERSATIONS = ["london.youth.policing", "bg2050-volunteers"]
pytestmark = pytest.mark.skipif(not POLIS.is_dir(), reason="Pol.is open data not on this machine")


def comments(name):
    with open(POLIS / name / "comments.csv", encoding="utf-8") as f:
        return {row["comment-id"]: row for row in csv.DictReader(f)}


@pytest.mark.parametrize("name", CONVERSATIONS)
def test_statements_keep_their_text_and_author(name):
    export, known = read_polis(POLIS / name), comments(name)
    assert export.texts == [known[s]["comment-body"] for s in export.statement_ids]
    assert export.authors == [known[s]["author-id"] for s in export.statement_ids]


@pytest.mark.parametrize("name", CONVERSATIONS)
def test_agree_is_green_and_disagree_red_as_the_exports_own_counts_say(name):
    export, known = read_polis(POLIS / name), comments(name)
    gaps = []
    for sid, row in zip(export.statement_ids, export.rows):
        gaps.append(
            abs(row.count("G") - int(known[sid]["agrees"])) + abs(row.count("R") - int(known[sid]["disagrees"]))
        )
    # the counts come from the vote log and may differ by a vote or two (README)
    assert sum(gaps) <= 0.02 * sum(int(known[s]["agrees"]) + int(known[s]["disagrees"]) for s in export.statement_ids)


def test_the_older_layout_has_its_26_participants_and_36_statements():
    export = read_polis(POLIS / "london.youth.policing")
    assert (len(export.participants), len(export.statement_ids)) == (26, 36)


def test_the_newer_layout_with_xid_reads_its_participants_votes_csv_directly():
    export = read_polis(POLIS / "bg2050-volunteers" / "participants-votes.csv")
    assert (len(export.participants), len(export.statement_ids)) == (126, 371)
    assert sum(cell is not None for row in export.rows for cell in row) > 14000


@pytest.mark.parametrize("name", CONVERSATIONS)
def test_analyse_json_gives_groups_parallel_to_participants(name):
    out = StringIO()
    call_command("analyse", str(POLIS / name), "--json", stdout=out)
    document = json.loads(out.getvalue())
    assert len(document["participant_groups"]) == len(document["participants"])
    assert {"order", "items", "item_order", "participant_order"} <= document.keys()
    assert len(document["groups"]) >= 2
    for group in document["groups"]:
        assert group["size"] == len(group["members"])
        assert all(
            document["participant_groups"][document["participants"].index(m)] == group["id"] for m in group["members"]
        )


def test_analyse_prints_the_groups_of_a_polis_conversation():
    out = StringIO()
    call_command("analyse", str(POLIS / "london.youth.policing"), stdout=out)
    assert "Groupe A" in out.getvalue()


@pytest.mark.django_db
def test_import_polis_makes_a_seance_whose_matrix_is_the_exports(facilitator):
    from abaque.meetings.matrix import round_matrix

    out = StringIO()
    call_command("import_polis", str(POLIS / "london.youth.policing"), "--user", facilitator.username, stdout=out)
    assert "36 propositions, 26 participants" in out.getvalue()
    from abaque.meetings.models import Meeting

    meeting = Meeting.objects.get(title="london.youth.policing")
    matrix = round_matrix(meeting.rounds.get(number=1))
    export = read_polis(POLIS / "london.youth.policing")
    assert [ri.item.text for ri in matrix.items] == export.texts
    assert matrix.codes == export.rows
    assert meeting.scale_variant == "three" and "CC BY 4.0" in meeting.question


@pytest.mark.django_db
def test_an_imported_conversation_exported_again_reads_back_the_same(facilitator, tmp_path):
    from abaque.meetings.models import Meeting

    call_command("import_polis", str(POLIS / "bg2050-volunteers"), "--user", facilitator.username, stdout=StringIO())
    meeting = Meeting.objects.get(title="bg2050-volunteers")
    call_command("export_polis", str(meeting.pk), str(tmp_path), stdout=StringIO())
    original, again = read_polis(POLIS / "bg2050-volunteers"), read_polis(tmp_path)
    assert again.rows == original.rows and again.texts == original.texts
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "comments.csv",
        "participants-votes.csv",
        "summary.csv",
        "votes.csv",
    ]


@pytest.mark.django_db
def test_the_export_folds_seven_levels_to_agree_disagree_and_pass(facilitator):
    from abaque.meetings.polis_export import FOLD

    assert {code: FOLD[code] for code in ("VG", "G", "O", "R", "RR", "W", "B")} == {
        "VG": "1",
        "G": "1",
        "O": "0",
        "R": "-1",
        "RR": "-1",
        "W": "0",
        "B": "0",
    }
