"""Small server-side SVG charts: bars per year, plain or stacked. Pure
Python, no Django, no JavaScript: they print and work offline."""

from html import escape

WIDTH, HEIGHT = 420, 220
MARGIN_LEFT, MARGIN_BOTTOM, MARGIN_TOP = 62, 28, 16
LEGEND_ROW = 18
BAR_FILL = "#1f5fa8"


# How each language writes numbers: (decimal mark, thousands separator, before a colon).
CONVENTIONS = {"fr": (",", " ", " "), "en": (".", ",", "")}


def _convention(language: str) -> tuple[str, str, str]:
    return CONVENTIONS.get(language[:2], CONVENTIONS["fr"])


def fmt(value: float, language: str = "fr") -> str:
    """French digits: 170 730, 2,5; English: 170,730, 2.5."""
    decimal, thousands, _colon = _convention(language)
    if value != int(value):
        return f"{value:.1f}".replace(".", decimal)
    return f"{value:,.0f}".replace(",", thousands)


def _colon(language: str) -> str:
    return _convention(language)[2] + ":"


def _scale_max(values) -> float:
    top = max([v for v in values if v] or [1])
    # A round top so the axis reads easily: 1, 2 or 5 times a power of ten.
    magnitude = 10 ** (len(str(int(top))) - 1)
    for step in (1, 2, 5, 10):
        if top <= step * magnitude:
            return step * magnitude
    return top


def _frame(title: str, top: float, body: list[str], legend: tuple[str, int] = ("", 0), language: str = "fr") -> str:
    plot_h = HEIGHT - MARGIN_BOTTOM - MARGIN_TOP
    lines = []
    for fraction in (0, 0.5, 1):
        y = MARGIN_TOP + plot_h * (1 - fraction)
        lines.append(f'<line x1="{MARGIN_LEFT}" x2="{WIDTH - 8}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d7dce2"/>')
        lines.append(
            f'<text x="{MARGIN_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="11" fill="#5b6572">{fmt(top * fraction, language)}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT + legend[1]}" '
        f'role="img" aria-label="{escape(title)}" class="chart" font-family="system-ui, sans-serif">'
        f"<title>{escape(title)}</title>{''.join(lines)}{''.join(body)}{legend[0]}</svg>"
    )


def _slots(n: int):
    """x and width of each year's bar."""
    plot_w = WIDTH - MARGIN_LEFT - 8
    slot = plot_w / max(n, 1)
    width = min(56, slot * 0.6)
    return [(MARGIN_LEFT + slot * i + (slot - width) / 2, width) for i in range(n)]


def bar_chart(title: str, labels: list[str], values: list[float], language: str = "fr") -> str:
    """One bar per label (a year), its value written above it."""
    top = _scale_max(values)
    plot_h = HEIGHT - MARGIN_BOTTOM - MARGIN_TOP
    body = []
    for (x, w), label, value in zip(_slots(len(labels)), labels, values):
        h = plot_h * (value or 0) / top
        y = MARGIN_TOP + plot_h - h
        body.append(
            f'<rect class="bar" data-label="{escape(label)}" data-value="{value or 0}" x="{x:.1f}" y="{y:.1f}" '
            f'width="{w:.1f}" height="{h:.1f}" fill="{BAR_FILL}" rx="2"><title>{escape(label)}{_colon(language)} {fmt(value or 0, language)}</title></rect>'
            f'<text x="{x + w / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" font-size="12" font-weight="600">{fmt(value or 0, language)}</text>'
            f'<text x="{x + w / 2:.1f}" y="{HEIGHT - 10}" text-anchor="middle" font-size="12">{escape(label)}</text>'
        )
    return _frame(title, top, body, language=language)


def stacked_chart(title: str, labels: list[str], series: list[tuple[str, str, list[int]]], language: str = "fr") -> str:
    """One stacked bar per label; `series` is (name, colour, values)."""
    totals = [sum(values[i] for _, _, values in series) for i in range(len(labels))]
    top = _scale_max(totals)
    plot_h = HEIGHT - MARGIN_BOTTOM - MARGIN_TOP
    body = []
    for i, ((x, w), label) in enumerate(zip(_slots(len(labels)), labels)):
        y = MARGIN_TOP + plot_h
        for name, colour, values in series:
            h = plot_h * values[i] / top
            y -= h
            if values[i]:
                body.append(
                    f'<rect class="segment" data-label="{escape(label)}" x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" '
                    f'height="{h:.1f}" fill="{colour}"><title>{escape(label)} — {escape(name)}{_colon(language)} {values[i]}</title></rect>'
                )
        body.append(
            f'<rect class="bar" data-label="{escape(label)}" data-value="{totals[i]}" x="{x:.1f}" y="{y:.1f}" '
            f'width="{w:.1f}" height="{plot_h * totals[i] / top:.1f}" fill="none" stroke="#1d232b" stroke-width=".6"/>'
            f'<text x="{x + w / 2:.1f}" y="{y - 4:.1f}" text-anchor="middle" font-size="12" font-weight="600">{totals[i]}</text>'
            f'<text x="{x + w / 2:.1f}" y="{HEIGHT - 10}" text-anchor="middle" font-size="12">{escape(label)}</text>'
        )
    return _frame(title, top, body, _legend(series), language)


def _legend(series) -> tuple[str, int]:
    """Swatches and names, wrapped to the width; returns the SVG and its height."""
    parts, x, y = [], MARGIN_LEFT, HEIGHT + 4
    for name, colour, _ in series:
        width = 22 + 6.5 * len(name)
        if x + width > WIDTH:
            x, y = MARGIN_LEFT, y + LEGEND_ROW
        parts.append(
            f'<rect x="{x:.0f}" y="{y}" width="10" height="10" fill="{colour}"/>'
            f'<text x="{x + 14:.0f}" y="{y + 9}" font-size="11">{escape(name)}</text>'
        )
        x += width
    return "".join(parts), y - HEIGHT + LEGEND_ROW
