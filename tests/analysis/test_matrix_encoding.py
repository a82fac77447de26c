import subprocess
import sys

import numpy as np
import pytest

from abaque import scale
from abaque.analysis import NOT_VOTED, analyse, encode
from abaque.analysis.matrix import as_encoded


def test_encode_gives_the_index_of_each_code_in_the_scale():
    encoded = encode([list(scale.CODES)])
    assert encoded.dtype == np.int8
    assert encoded.tolist() == [list(range(len(scale.CODES)))]


def test_encode_marks_empty_and_none_cells_as_not_voted():
    assert encode([["", None, "  "]]).tolist() == [[NOT_VOTED] * 3]


def test_encode_accepts_any_case_and_surrounding_spaces():
    assert encode([[" vg", "Rr "]]).tolist() == encode([["VG", "RR"]]).tolist()


def test_encode_names_the_row_and_column_of_an_unknown_code():
    with pytest.raises(ValueError, match=r"'X'.*row 1, column 2"):
        encode([["VG", "G", "O"], ["VG", "G", "X"]])


def test_encode_refuses_rows_of_unequal_lengths():
    with pytest.raises(ValueError, match="unequal"):
        encode([["VG"], ["VG", "G"]])


def test_encode_of_no_rows_is_an_empty_matrix():
    assert encode([]).shape == (0, 0)


def test_analyse_gives_the_same_result_from_rows_or_from_the_encoded_matrix():
    rows = [["VG", "G", None], ["RR", "W", "B"]]
    assert analyse(rows) == analyse(encode(rows))


def test_an_encoded_matrix_with_values_outside_the_scale_is_refused():
    with pytest.raises(ValueError):
        as_encoded(np.array([[7]], dtype=np.int8))


def test_the_analysis_package_imports_nothing_from_django():
    code = (
        "import sys, abaque.analysis, abaque.analysis.spreadsheet;"
        "print(any(m.split('.')[0] == 'django' for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
