import pytest

from abaque.analysis.spreadsheet import MatrixFileError, decode_matrix_bytes, read_matrix_csv

FRENCH_EXCEL = "Items;Alice;Bruno;Chloé\nDes jardins partagés, ouverts à tous;VG;g ; \nUne navette;RR;;B\n"


def test_a_french_excel_file_with_semicolons_is_read():
    names, items, rows = read_matrix_csv(FRENCH_EXCEL)
    assert names == ["Alice", "Bruno", "Chloé"]
    assert items == ["Des jardins partagés, ouverts à tous", "Une navette"]
    assert rows == [["VG", "G", None], ["RR", None, "B"]]


def test_a_comma_separated_file_with_quoted_commas_and_a_bom_is_read():
    text = '\ufeffItem,Alice,Bruno\n"Un lieu; ouvert, le soir",vg,W\n'
    assert read_matrix_csv(text) == (["Alice", "Bruno"], ["Un lieu; ouvert, le soir"], [["VG", "W"]])


def test_blank_lines_and_trailing_empty_cells_are_ignored():
    text = "x;Alice;Bruno;;\n\nUn item;VG;R;;\n;;;;\n"
    assert read_matrix_csv(text) == (["Alice", "Bruno"], ["Un item"], [["VG", "R"]])


def test_an_unknown_code_is_reported_in_french_with_its_line_and_column():
    text = "x;A;B\nun;VG;G\ndeux;G;R\ntrois;O;X\n"
    with pytest.raises(MatrixFileError) as error:
        read_matrix_csv(text)
    assert str(error.value) == ("Ligne 4, colonne 3 : code « X » inconnu (codes permis : VG, G, O, R, RR, W, B).")
    assert (error.value.line, error.value.column) == (4, 3)


def test_a_row_of_the_wrong_width_is_reported():
    text = "x;A;B;C;D;E;F\n" + "un;VG;VG;VG;VG;VG;VG\n" * 3 + "cinq;VG;G;O\n"
    with pytest.raises(MatrixFileError, match=r"^Ligne 5 : 4 cellules au lieu de 7\.$"):
        read_matrix_csv(text)


def test_line_numbers_count_quoted_cells_spanning_lines():
    text = 'x;A\n"un item\nsur deux lignes";VG\ntrois;Z\n'
    with pytest.raises(MatrixFileError, match=r"^Ligne 4, colonne 2 "):
        read_matrix_csv(text)


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "Le fichier est vide."),
        ("x\nun\n", "Ligne 1 : aucun nom de participant"),
        ("x;A;;B\nun;VG;G;O\n", "Ligne 1, colonne 3 : nom de participant vide."),
        ("x;Marie;Marie\n", "Ligne 1, colonne 3 : participant « Marie » déjà en colonne 2."),
        ("x;A;B\n", "Le fichier ne contient aucun item"),
        ("x;A;B\n ;VG;G\n", "Ligne 2, colonne 1 : texte de l'item vide."),
    ],
)
def test_malformed_files_get_a_french_message(text, message):
    with pytest.raises(MatrixFileError) as error:
        read_matrix_csv(text)
    assert str(error.value).startswith(message)


def test_uploaded_bytes_are_decoded_as_utf8_or_as_windows_1252():
    assert decode_matrix_bytes("\ufeffx;Chloé".encode()) == "x;Chloé"
    assert decode_matrix_bytes("x;Chloé".encode("cp1252")) == "x;Chloé"
