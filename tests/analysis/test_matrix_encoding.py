import ast
import sys
from pathlib import Path

import numpy as np
import pytest

import abaque.analysis
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


def test_the_analysis_package_imports_nothing_but_numpy_scipy_the_standard_library_and_the_scale():
    imported = set().union(*map(_absolute_imports, Path(abaque.analysis.__file__).parent.glob("*.py")))
    assert {name.split(".")[0] for name in imported} - set(sys.stdlib_module_names) <= {"numpy", "scipy", "abaque"}
    assert {name for name in imported if name.startswith("abaque")} == {"abaque.scale"}


def _absolute_imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and not node.level:
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names
