"""Helpers for the printed report, where colour may be lost and where
WeasyPrint's flex layout costs a lot per element."""

from django import template
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from abaque import scale
from abaque.reports.content import counts_text

register = template.Library()

BAR_WIDTH_MM = 34


@register.simple_tag
def print_distribution(counts: dict[str, int]):
    """The distribution bar as fixed-width segments (no flex), then the
    counts by symbol underneath."""
    total = sum(counts.get(lv.code, 0) for lv in scale.LEVELS) or 1
    segments = format_html_join(
        "",
        '<span class="seg lv-{}" style="width:{}mm"></span>',
        ((lv.code, f"{BAR_WIDTH_MM * counts[lv.code] / total:.2f}") for lv in scale.LEVELS if counts.get(lv.code)),
    )
    return format_html('<span class="bar">{}</span><br><span class="counts">{}</span>', segments, counts_text(counts))


STATUS_BADGES = {"sent": "ok", "failed": "failed", "pending": "open", "no_address": "warn"}


@register.filter
def status_badge(status: str) -> str:
    """The badge class of a delivery status."""
    return STATUS_BADGES.get(status, "")


# The matrix as one inline SVG: a large HTML table is WeasyPrint's slow path
# (each cell a box to lay out and paint); rects and text are cheap, and the
# text (numbers, symbols, names, verdicts) stays searchable. Units: mm.
PAGE_WIDTH_MM = 279  # A4 landscape less the matrix page's margins
ROWS_HEIGHT_MM = 128  # what is left for the rows under the title and the header
HEADER_MM = 26
NUMBER_MM, STAT_MM, VERDICT_MM, MIN_TEXT_MM = 6, 11, 28, 40
PT = 0.3528  # one point in mm
MIN_FONT_MM = 1.8  # a letter must stay legible once printed


def _svg_text(x, y, text, size, **attrs):
    extra = "".join(f' {k.replace("_", "-")}="{escape(v)}"' for k, v in attrs.items())
    return f'<text x="{x:.2f}" y="{y:.2f}" font-size="{size:.2f}"{extra}>{escape(text)}</text>'


@register.simple_tag
def matrix_svg(table, report, letters: bool):
    """Items × participants as one SVG, each cell its level's colour and symbol."""
    from abaque.templatetags.abaque import pct, signed

    rows, people = table["rows"], table["participants"]
    cell = min(6.0, (PAGE_WIDTH_MM - NUMBER_MM - 2 * STAT_MM - VERDICT_MM - MIN_TEXT_MM) / max(len(people), 1))
    height = min(5.0, ROWS_HEIGHT_MM / max(len(rows), 1))
    text_mm = PAGE_WIDTH_MM - NUMBER_MM - len(people) * cell - 2 * STAT_MM - VERDICT_MM
    font = max(MIN_FONT_MM, min((5.8 if report.is_dense else 7) * PT, height * 0.62))
    x_cells = NUMBER_MM + text_mm
    chars = min(report.matrix_text_chars, int((text_mm - 2) / (font * 0.56)))  # DejaVu's average advance
    x_stats = x_cells + len(people) * cell
    parts = [
        _svg_text(NUMBER_MM - 1, HEADER_MM - 1, "N°", font, text_anchor="end"),
        _svg_text(NUMBER_MM + 1, HEADER_MM - 1, "Item", font),
        _svg_text(x_stats + STAT_MM - 1, HEADER_MM - 1, "Moy.", font, text_anchor="end"),
        _svg_text(x_stats + 2 * STAT_MM - 1, HEADER_MM - 1, "Cons.", font, text_anchor="end"),
        _svg_text(x_stats + 2 * STAT_MM + 1, HEADER_MM - 1, "Verdict", font),
    ]
    for j, p in enumerate(people):
        x = x_cells + j * cell + cell / 2
        if letters:
            parts.append(_svg_text(x, HEADER_MM - 1, p["label"], font, text_anchor="middle"))
        else:
            label = Truncator(p["label"]).chars(22)
            parts.append(
                _svg_text(
                    x + font / 3,
                    HEADER_MM - 1,
                    label,
                    6.5 * PT,
                    transform=f"rotate(-90 {x + font / 3:.2f} {HEADER_MM - 1:.2f})",
                )
            )
    for i, row in enumerate(rows):
        y = HEADER_MM + i * height
        base = y + height / 2 + font * 0.35
        if row["stats"].verdict == "dissensus":
            parts.append(f'<rect x="0" y="{y:.2f}" width="{NUMBER_MM}" height="{height:.2f}" fill="#e2e2e2"/>')
        parts.append(_svg_text(NUMBER_MM - 1, base, row["number"], font, text_anchor="end", font_weight="bold"))
        parts.append(_svg_text(NUMBER_MM + 1, base, Truncator(row["entry"].text).chars(chars), font))
        for j, (_label, code) in enumerate(row["cells"]):
            lv = scale.BY_CODE.get(code or "")
            x = x_cells + j * cell
            fill, ink, symbol = (lv.colour, lv.ink, lv.symbol) if lv else ("#fff", "#999", "·")
            parts.append(
                f'<rect x="{x:.2f}" y="{y:.2f}" width="{cell:.2f}" height="{height:.2f}" fill="{escape(fill)}"/>'
            )
            parts.append(
                _svg_text(x + cell / 2, base, symbol, font, text_anchor="middle", font_weight="bold", fill=ink)
            )
        parts.append(_svg_text(x_stats + STAT_MM - 1, base, signed(row["stats"].mean), font, text_anchor="end"))
        parts.append(_svg_text(x_stats + 2 * STAT_MM - 1, base, pct(row["stats"].consensus), font, text_anchor="end"))
        parts.append(
            _svg_text(
                x_stats + 2 * STAT_MM + 1, base, Truncator(row["verdict_label"]).chars(24), font, font_weight="bold"
            )
        )
    bottom = HEADER_MM + len(rows) * height
    grid = [f"M0 {HEADER_MM + i * height:.2f}H{PAGE_WIDTH_MM}" for i in range(len(rows) + 1)]
    edges = (
        [0, NUMBER_MM, x_cells]
        + [x_cells + j * cell for j in range(1, len(people) + 1)]
        + [x_stats + STAT_MM, x_stats + 2 * STAT_MM, PAGE_WIDTH_MM]
    )
    grid += [f"M{x:.2f} {HEADER_MM}V{bottom:.2f}" for x in edges]
    parts.append(f'<path d="{" ".join(grid)}" stroke="#777" stroke-width=".15" fill="none"/>')
    size = f'width="{PAGE_WIDTH_MM}mm" height="{bottom + 0.5:.2f}mm" viewBox="0 0 {PAGE_WIDTH_MM} {bottom + 0.5:.2f}"'
    svg = f'<svg class="matrix" xmlns="http://www.w3.org/2000/svg" {size} font-family="DejaVu Sans, sans-serif">{"".join(parts)}</svg>'
    return mark_safe(svg)  # every text above went through escape()
