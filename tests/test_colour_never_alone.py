"""Colour is never alone: the distribution bars carry each level's symbol
(from scale.py) and count, the verdict badges a symbol, and every character
used exists in DejaVu Sans, Debian's default font."""

import shutil
import subprocess

import pytest

from abaque import scale
from abaque.analysis.verdict import VERDICT_SYMBOLS
from abaque.templatetags.abaque import distribution_bar, scale_css


def test_each_segment_of_a_distribution_bar_shows_its_symbol_and_count():
    bar = distribution_bar({"VG": 5, "G": 0, "R": 2, "RR": 1, "B": 1})
    for code, n in (("VG", 5), ("R", 2), ("RR", 1), ("B", 1)):
        assert f"{scale.BY_CODE[code].symbol}\u202f{n}</span>" in bar
    assert 'class="lv-G"' not in bar  # no empty segment
    assert "vert foncé 5" in bar  # and in words, for screen readers


def test_every_verdict_badge_has_a_symbol_before_its_word():
    css = scale_css()
    for verdict, symbol in VERDICT_SYMBOLS.items():
        assert f'.verdict.{verdict}::before{{content:"{symbol}' in css


@pytest.mark.skipif(not shutil.which("fc-list"), reason="fontconfig is not installed")
@pytest.mark.parametrize(
    "char", sorted({c for lv in scale.LEVELS for c in lv.symbol} | set("".join(VERDICT_SYMBOLS.values())) | {"\u202f"})
)
def test_every_symbol_is_in_dejavu_sans(char):
    found = subprocess.run(
        ["fc-list", f":family=DejaVu Sans:charset={ord(char):x}", "family"], capture_output=True, text=True
    ).stdout
    assert "DejaVu Sans" in found, f"U+{ord(char):04X} is missing from DejaVu Sans"
