"""`abaque analyse FILE.csv`: needs Django settings, never the database."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from abaque.cli import main

MATRIX = (
    "Items;Alice;Bruno;Chloé;Driss\n"
    "Une navette le samedi;VG;RR;VG;RR\n"
    "Des jardins partagés;VG;vg;G;VG\n"
    "Fermer la salle;RR;R;RR;B\n"
    "Un café des habitants;O;O;;O\n"
)


@pytest.fixture
def matrix_file(tmp_path):
    path = tmp_path / "matrice.csv"
    path.write_text(MATRIX, encoding="utf-8-sig")  # as Excel saves « CSV UTF-8 »
    return path


def run(*args: str) -> str:
    out = StringIO()
    call_command("analyse", *args, stdout=out)
    return out.getvalue()


def test_json_output_gives_each_item_in_entered_order_with_its_figures(matrix_file):
    result = json.loads(run(str(matrix_file), "--json"))
    assert [item["text"] for item in result["items"]][:2] == ["Une navette le samedi", "Des jardins partagés"]
    navette, jardins = result["items"][:2]
    assert (navette["mean"], navette["consensus"], navette["verdict"]) == (0.0, 0.0, "dissensus")
    assert jardins["verdict"] == "consensus_for"
    assert jardins["counts"] == {"VG": 3, "G": 1, "O": 0, "R": 0, "RR": 0, "W": 0, "B": 0}
    assert result["participants"] == ["Alice", "Bruno", "Chloé", "Driss"]


def test_json_orders_items_green_to_red_by_default(matrix_file):
    result = json.loads(run(str(matrix_file), "--json"))
    assert result["item_order"] == [1, 0, 3, 2]
    assert sorted(result["participant_order"]) == [0, 1, 2, 3]


def test_json_follows_the_chosen_order(matrix_file):
    result = json.loads(run(str(matrix_file), "--json", "--order", "entered"))
    assert result["item_order"] == [0, 1, 2, 3]
    assert result["participant_order"] == [0, 1, 2, 3]


def test_the_table_lists_items_in_the_chosen_order_with_french_headers(matrix_file):
    lines = run(str(matrix_file), "--order", "consensus").splitlines()
    assert lines[0].split()[:5] == ["Rang", "N°", "Moyenne", "Consensus", "Verdict"]
    assert lines[0].split()[5:] == ["VG", "G", "O", "R", "RR", "W", "B", "Vide", "Item"]
    assert lines[1].split()[:5] == ["1", "4", "+0,00", "1,00", "Mitigé"]
    assert "Dissensus" in lines[4]
    texts = ["Item", "Un café des habitants", "Des jardins partagés", "Fermer la salle", "Une navette le samedi"]
    assert len({line.index(text) for line, text in zip(lines, texts)}) == 1  # one aligned column
    assert lines[-1].startswith("Participants (ordre « consensus ») : ")


def test_a_wrong_code_is_reported_in_french_as_a_command_error(tmp_path):
    path = tmp_path / "faux.csv"
    path.write_text("x;A;B\nun;VG;X\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"^Ligne 2, colonne 3 : code « X » inconnu"):
        run(str(path))


def test_the_abaque_command_exits_with_code_one_and_the_message_on_stderr(tmp_path, capsys):
    path = tmp_path / "court.csv"
    path.write_text("x;A;B\nun;VG\n", encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["analyse", str(path)])
    assert exit_.value.code == 1
    assert "Ligne 2 : 2 cellules au lieu de 3." in capsys.readouterr().err


def test_a_missing_file_is_reported_in_french(tmp_path):
    with pytest.raises(CommandError, match="Fichier introuvable"):
        run(str(tmp_path / "absent.csv"))
