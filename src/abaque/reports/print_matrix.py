"""The printed matrix, drawn for WeasyPrint's fast paths.

WeasyPrint lays out SVG text letter by letter and every HTML table cell as
a box: a 40 × 40 matrix drawn either way costs seconds. Here the colours
are one SVG path per level (no text in the SVG at all), and every text is
HTML laid out a whole column at a time: one block per column, one line per
row. The symbols stay text (searchable, readable in black and white): one
block per level, each line holding the row's symbols of that level in a
monospaced font whose advance is half a cell, the other cells left blank.
Units: mm."""

from __future__ import annotations

import math
from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from abaque import scale
from abaque.templatetags.abaque import pct, signed

from .content import MatrixView

PAGE_WIDTH_MM = 279  # A4 landscape less the matrix page's margins
ROWS_HEIGHT_MM = 128  # what is left for the rows under the title and the header
HEADER_MM = 26
NUMBER_MM, STAT_MM, VERDICT_MM, MIN_TEXT_MM = 6, 11, 28, 40
PT = 0.3528  # one point in mm
MIN_FONT_MM = 1.8  # a letter must stay legible once printed
MONO_ADVANCE = 0.602  # DejaVu Sans Mono: every glyph 1233/2048 em wide
SANS_ADVANCE = 0.56  # DejaVu Sans, on average
EMPTY = ("#ffffff", "#999999", "·")  # a cell with no vote: fill, ink, symbol
GRID = "#777777"
DISSENSUS = "#e2e2e2"


def _block(x: float, y: float, width: float, lines: Iterable[str], line: float, font: float, css: str = "") -> str:
    """One absolutely placed block, one line per row (white-space: pre)."""
    text = "\n".join(escape(s) for s in lines)
    return (
        f'<div class="mxb" style="left:{x:.2f}mm;top:{y:.2f}mm;width:{width:.2f}mm;'
        f'line-height:{line:.3f}mm;font-size:{font:.3f}mm;{css}">{text}</div>'
    )


def _slots(strings: list[str | None], length: int, width: int) -> str:
    """A line of `width`-character slots, each string of `length` at its slot's start."""
    return "".join(s.ljust(width) if s is not None and len(s) == length else " " * width for s in strings)


def _centred(grid: list[list[str | None]], x: float, y: float, cell: float, line: float, font: float, css: str):
    """Short strings (1 or 2 characters) centred in cells `cell` mm wide, as
    one monospaced block per length, a cell being a whole number of
    characters (no letter-spacing, so that « ++ » stays one word): the
    grid's texts stay text, at the cost of a few lines rather than one box
    (or one SVG letter) per cell."""
    width = max(3, math.floor(cell / (MONO_ADVANCE * font)))
    font = cell / width / MONO_ADVANCE
    advance = cell / width
    blocks = []
    for length in (1, 2):
        if not any(s is not None and len(s) == length for row in grid for s in row):
            continue
        shift = (cell - length * advance) / 2
        lines = [_slots(row, length, width) for row in grid]
        span = (len(grid[0]) + 1) * cell if grid else cell
        blocks.append(_block(x + shift, y, span, lines, line, font, f"font-family:DejaVu Sans Mono;{css}"))
    return blocks


def _runs(x0: float, y0: float, cell: float, height: float, positions: list[tuple[int, int]]) -> str:
    """The cells at (row, column) `positions` as one stroked path, a stroke
    one cell high per run of neighbours in a row: WeasyPrint parses a path
    command by command, and a run of two commands costs far less than a
    rectangle of five per cell. Drawn in cell units, scaled to mm."""
    runs: list[list[int]] = []  # row, first column, length
    for i, j in sorted(positions):
        if runs and runs[-1][0] == i and runs[-1][1] + runs[-1][2] == j:
            runs[-1][2] += 1
        else:
            runs.append([i, j, 1])
    d = "".join(f"M{j} {i + 0.5}h{n}" for i, j, n in runs)
    return f'd="{d}" transform="translate({x0:.2f} {y0:.2f}) scale({cell:.4f} {height:.4f})" stroke-width="1"'


def print_matrix(view: MatrixView, dense: bool, text_chars: int, letters: bool) -> SafeString:
    """Items × participants, each cell its level's colour and symbol."""
    rows, people = view.rows, view.participants
    cell = min(6.0, (PAGE_WIDTH_MM - NUMBER_MM - 2 * STAT_MM - VERDICT_MM - MIN_TEXT_MM) / max(len(people), 1))
    height = min(5.0, ROWS_HEIGHT_MM / max(len(rows), 1))
    text_mm = PAGE_WIDTH_MM - NUMBER_MM - len(people) * cell - 2 * STAT_MM - VERDICT_MM
    font = max(MIN_FONT_MM, min((5.8 if dense else 7) * PT, height * 0.62))
    x_cells = NUMBER_MM + text_mm
    chars = min(text_chars, int((text_mm - 2) / (font * SANS_ADVANCE)))
    x_stats = x_cells + len(people) * cell
    bottom = HEADER_MM + len(rows) * height

    # The SVG: fills, one path per level, then the grid; no text.
    by_fill: dict[str, list[tuple[int, int]]] = {}
    for i, row in enumerate(rows):
        for j, (_label, code) in enumerate(row.cells):
            lv = scale.BY_CODE.get(code or "")
            by_fill.setdefault(lv.colour if lv else EMPTY[0], []).append((i, j))
    paths = [
        f'<path {_runs(x_cells, HEADER_MM, cell, height, cells)} stroke="{escape(fill)}"/>'
        for fill, cells in by_fill.items()
    ]
    split = [(i, 0) for i, row in enumerate(rows) if row.stats.verdict == "dissensus"]
    if split:
        paths.append(f'<path {_runs(0, HEADER_MM, NUMBER_MM, height, split)} stroke="{DISSENSUS}"/>')
    grid = [f"M0 {HEADER_MM + i * height:.2f}H{PAGE_WIDTH_MM}" for i in range(len(rows) + 1)]
    edges = (
        [0, NUMBER_MM, x_cells]
        + [x_cells + j * cell for j in range(1, len(people) + 1)]
        + [x_stats + STAT_MM, x_stats + 2 * STAT_MM, PAGE_WIDTH_MM]
    )
    grid += [f"M{x:.2f} {HEADER_MM}V{bottom:.2f}" for x in edges]
    paths.append(f'<path d="{" ".join(grid)}" stroke="{GRID}" stroke-width=".15" fill="none"/>')
    size = f'width="{PAGE_WIDTH_MM}mm" height="{bottom + 0.5:.2f}mm" viewBox="0 0 {PAGE_WIDTH_MM} {bottom + 0.5:.2f}"'
    parts = [f'<svg class="matrix" xmlns="http://www.w3.org/2000/svg" {size}>{"".join(paths)}</svg>']

    # The header: column titles on the header's last line, names turned upwards.
    head_y = HEADER_MM - height - 0.5
    parts.append(_block(0, head_y, NUMBER_MM - 1, [_("N°")], height, font, "text-align:right"))
    parts.append(_block(NUMBER_MM + 1, head_y, text_mm - 2, [_("Item")], height, font))
    parts.append(_block(x_stats, head_y, STAT_MM - 1, [_("Moy.")], height, font, "text-align:right"))
    parts.append(_block(x_stats + STAT_MM, head_y, STAT_MM - 1, [_("Cons.")], height, font, "text-align:right"))
    parts.append(_block(x_stats + 2 * STAT_MM + 1, head_y, VERDICT_MM - 1, [_("Verdict")], height, font))
    labels = [p.label for p in people]
    if letters and all(len(label) <= 2 for label in labels):
        parts += _centred([labels], x_cells, head_y, cell, height, font, "font-weight:bold")
    else:
        names = [Truncator(label).chars(22) for label in labels]
        parts.append(
            _block(
                x_cells,
                HEADER_MM - 0.8,
                HEADER_MM - 2,
                names,
                cell,
                6.5 * PT,
                "transform:rotate(-90deg);transform-origin:0 0",
            )
        )

    # The rows: one block per column, one line per row.
    y = HEADER_MM
    parts.append(
        _block(0, y, NUMBER_MM - 1, [str(r.number) for r in rows], height, font, "text-align:right;font-weight:bold")
    )
    parts.append(
        _block(NUMBER_MM + 1, y, text_mm - 2, [Truncator(r.entry.text).chars(chars) for r in rows], height, font)
    )
    parts.append(
        _block(x_stats, y, STAT_MM - 1, [signed(r.stats.mean) for r in rows], height, font, "text-align:right")
    )
    parts.append(
        _block(
            x_stats + STAT_MM,
            y,
            STAT_MM - 1,
            [pct(r.stats.consensus) for r in rows],
            height,
            font,
            "text-align:right",
        )
    )
    verdicts = [Truncator(r.verdict_label).chars(24) for r in rows]
    parts.append(_block(x_stats + 2 * STAT_MM + 1, y, VERDICT_MM - 1, verdicts, height, font, "font-weight:bold"))
    for ink, symbol, codes in _inks():
        grid_text = [[symbol if code in codes else None for _label, code in r.cells] for r in rows]
        parts += _centred(grid_text, x_cells, y, cell, height, font, f"font-weight:bold;color:{ink}")
    return mark_safe(f'<div class="mx" style="height:{bottom + 0.5:.2f}mm">{"".join(parts)}</div>')  # texts escaped


def _inks() -> list[tuple[str, str, set[str | None]]]:
    """(ink, symbol, codes drawn so): one per level, and the empty cell."""
    return [(lv.ink, lv.symbol, {lv.code}) for lv in scale.LEVELS] + [(EMPTY[1], EMPTY[2], {None, ""})]
