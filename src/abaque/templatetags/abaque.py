"""Project-wide template helpers ({% load abaque %}), for every app: the
colour scale (styles and cells derive from scale.py, so no template or
stylesheet repeats a colour) and the French way of writing numbers."""

import numpy as np
from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import get_language

from abaque import scale
from abaque.analysis.verdict import VERDICT_SYMBOLS

register = template.Library()


@register.simple_tag
def scale_styles():
    """A <style> with one class per level: .lv-VG { background; color }."""
    return mark_safe(f"<style>{scale_css()}</style>")


def scale_css():
    """The rules of scale_styles, also hashed into the Content-Security-Policy:
    each level's colours, and each verdict badge's symbol before its word."""
    levels = "".join(f".lv-{lv.code}{{background:{lv.colour};color:{lv.ink}}}" for lv in scale.LEVELS)
    verdicts = "".join(f'.verdict.{v}::before{{content:"{symbol}\\a0"}}' for v, symbol in VERDICT_SYMBOLS.items())
    return levels + verdicts


@register.filter
def level(code):
    return scale.BY_CODE.get(code or "")


@register.filter
def level_label(lv):
    """A level's label in the active language (scale.py holds both)."""
    return lv.label_in(get_language()) if lv else ""


@register.filter
def level_name(lv):
    """A level's colour name in the active language."""
    return lv.name_in(get_language()) if lv else ""


@register.simple_tag
def cell(code, title=""):
    """A matrix cell: its colour and its symbol, readable in black and white."""
    lv = scale.BY_CODE.get(code or "")
    if lv is None:
        return format_html('<td class="cell empty" title="{}">·</td>', title or "pas de vote")
    return format_html(
        '<td class="cell lv-{}" title="{}">{}</td>', lv.code, f"{title} — {lv.label}".strip(" —"), lv.symbol
    )


# A results cell by value of the encoded matrix plus one (0: not voted, then
# the codes of scale.CODES): its colour and its symbol, nothing of its own
# besides. Who and what it is are its column and row headers (and, on
# demand, results.js); so every cell of a code is the same string.
_RESULT_CELLS: tuple[str, ...] = (
    '<td class="cell empty">·</td>',
    *(
        format_html('<td class="cell lv-{}">{}</td>', scale.BY_CODE[code].code, scale.BY_CODE[code].symbol)
        for code in scale.CODES
    ),
)


def cell_rows(encoded):
    """Each row of an encoded matrix (abaque.analysis.matrix: -1 not voted,
    else the index of the code in scale.CODES) as one safe string of results
    cells. A title on each cell made the page of a 200 × 2,000 séance 23 MB
    and most of its server time; a cell is now one of eight strings."""
    cells = _RESULT_CELLS.__getitem__
    return [mark_safe("".join(map(cells, row))) for row in (encoded.astype(np.intp) + 1).tolist()]


# Each level's part of a distribution bar, its label and symbol escaped
# once: only integers are put in, so the bar is built without escaping per
# call. Each segment carries its symbol and its count, so that it reads
# without colour.
_BAR_PARTS = {
    lv.code: format_html(
        '<span class="lv-{}" style="flex-grow:{{n}}" title="{} : {{n}}">{}\u202f{{n}}</span>',
        lv.code,
        lv.label,
        lv.symbol,
    )
    for lv in scale.LEVELS
}


@register.simple_tag
def distribution_bar(counts, total=None):
    """A horizontal bar of the 7 levels, widths proportional to counts."""
    shown = [lv for lv in scale.LEVELS if counts.get(lv.code)]
    parts = "".join(_BAR_PARTS[lv.code].replace("{n}", str(int(counts[lv.code]))) for lv in shown)
    spoken = escape(", ".join(f"{lv.name} {int(counts[lv.code])}" for lv in shown) or "aucun vote")
    return mark_safe(f'<span class="distribution" role="img" aria-label="répartition : {spoken}">{parts}</span>')


@register.filter
def pct(value):
    return "—" if value is None else f"{round(value * 100)} %"


@register.filter
def signed(value):
    """+0,36 or −0,12: French decimal comma, and the minus sign (U+2212), not a hyphen."""
    return "—" if value is None else f"{value:+.2f}".replace(".", ",").replace("-", "\u2212")


# French abbreviated months, as the Imprimerie nationale writes them.
MONTHS_SHORT = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")


def _literal(text: str) -> str:
    return "".join("\\" + c for c in text)


@register.filter
def fr_date(value, fmt="j N Y"):
    """Django's date format in French typography: « 1er déc. 2026 » (j gives
    « 1er » on the first of the month, N the abbreviated month with its dot)."""
    if not value:
        return ""
    value = template_localtime(value)
    day = "1er" if value.day == 1 else str(value.day)
    fmt = fmt.replace("j", _literal(day)).replace("N", _literal(MONTHS_SHORT[value.month - 1]))
    return date_filter(value, fmt)


@register.filter
def pluriel(value, arg="s"):
    """Django's pluralize with the French rule: 0 and 1 take the singular
    (« 0 action », « 1 action », « 2 actions »). `arg` is "s" or "singulier,pluriel"."""
    try:
        n = abs(float(value))
    except (TypeError, ValueError):
        try:
            n = len(value)
        except TypeError:
            return ""
    singular, _, plural = arg.rpartition(",") if "," in arg else ("", "", arg)
    return plural if n >= 2 else singular
