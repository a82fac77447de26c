"""Project-wide template helpers ({% load abaque %}), for every app: the
colour scale (styles and cells derive from scale.py, so no template or
stylesheet repeats a colour), numbers, dates and plurals written as the
active language writes them, and the analysis' texts translated."""

import numpy as np
from django import template
from django.conf import settings
from django.template.defaultfilters import date as date_filter
from django.utils.formats import get_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import translation as translation_of

from abaque import scale
from abaque.analysis.verdict import VERDICT_SYMBOLS
from abaque.wording import translated, verdict_label

NARROW_NBSP = "\u202f"

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
        return format_html('<td class="cell empty" title="{}">·</td>', title or _("pas de vote"))
    return format_html(
        '<td class="cell lv-{}" title="{}">{}</td>',
        lv.code,
        f"{title} — {lv.label_in(get_language())}".strip(" —"),
        lv.symbol,
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
# once per language: only integers are put in, so the bar is built without
# escaping per call. Each segment carries its symbol and its count, so that
# it reads without colour.
_BAR_PARTS: dict[str, dict[str, str]] = {}


def _bar_parts(language: str) -> dict[str, str]:
    if language not in _BAR_PARTS:
        _BAR_PARTS[language] = {
            lv.code: format_html(
                '<span class="lv-{}" style="flex-grow:{{n}}" title="{}">{}\u202f{{n}}</span>',
                lv.code,
                _("%(level)s : %(count)s") % {"level": lv.label_in(language), "count": "{n}"},
                lv.symbol,
            )
            for lv in scale.LEVELS
        }
    return _BAR_PARTS[language]


@register.simple_tag
def distribution_bar(counts, total=None):
    """A horizontal bar of the 7 levels, widths proportional to counts."""
    language = get_language() or settings.LANGUAGE_CODE
    shown = [lv for lv in scale.LEVELS if counts.get(lv.code)]
    bar = _bar_parts(language)
    parts = "".join(bar[lv.code].replace("{n}", str(int(counts[lv.code]))) for lv in shown)
    spoken = ", ".join(f"{lv.name_in(language)} {int(counts[lv.code])}" for lv in shown) or _("aucun vote")
    return format_html(
        '<span class="distribution" role="img" aria-label="{}">{}</span>',
        _("répartition : %(levels)s") % {"levels": spoken},
        mark_safe(parts),
    )


def _french(language: str | None = None) -> bool:
    return (language or get_language() or settings.LANGUAGE_CODE).startswith("fr")


@register.filter
def pct(value):
    """« 12 % » in French (a narrow no-break space before the sign), "12%" in English."""
    if value is None:
        return "—"
    return f"{round(value * 100)}{NARROW_NBSP if _french() else ''}%"


@register.filter
def signed(value):
    """Always a sign, and the real minus (U+2212), not a hyphen: « +0,36 »,
    « −0,12 » in French, "+0.36", "−0.12" in English."""
    if value is None:
        return "—"
    return f"{value:+.2f}".replace(".", get_format("DECIMAL_SEPARATOR")).replace("-", "\u2212")


# French abbreviated months, as the Imprimerie nationale writes them.
MONTHS_SHORT = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")


def _literal(text: str) -> str:
    return "".join("\\" + c for c in text)


@register.filter
def short_date(value, fmt="j N Y"):
    """Django's date format, written as the active language writes it: in
    French « 1er déc. 2026 » (j gives « 1er » on the first of the month, N
    the month abbreviated as the Imprimerie nationale does), in English
    "1 Dec 2026" (N the month's three letters)."""
    if not value:
        return ""
    value = template_localtime(value)
    if _french():
        day = "1er" if value.day == 1 else str(value.day)
        fmt = fmt.replace("j", _literal(day)).replace("N", _literal(MONTHS_SHORT[value.month - 1]))
    else:
        fmt = fmt.replace("N", "M")
    return date_filter(value, fmt)


# The old name, still used by the apps' templates until they say short_date.
fr_date = register.filter("fr_date", short_date)


def plural_index(n) -> int:
    """0 for the singular, 1 for the plural, by the active language's rule
    (French: 0 and 1 singular; English: 1 alone). A fraction below 2 is
    singular in French (« 1,5 heure »), plural in English."""
    language = get_language() or settings.LANGUAGE_CODE
    if float(n).is_integer():
        return 1 if translation_of(language).plural(int(n)) else 0
    return int(n >= 2) if _french(language) else 1


@register.filter
def pluriel(value, arg="s"):
    """Django's pluralize with the active language's rule: in French 0 and 1
    take the singular (« 0 action », « 1 action », « 2 actions »), in English
    1 alone. `arg` is "s" or "singulier,pluriel". New texts say
    {% blocktranslate count %} instead: the catalogue carries the rule."""
    try:
        n = abs(float(value))
    except (TypeError, ValueError):
        try:
            n = len(value)
        except TypeError:
            return ""
    singular, _comma, plural = arg.rpartition(",") if "," in arg else ("", "", arg)
    return plural if plural_index(n) else singular


register.filter("translated", translated)
register.filter("verdict_label", verdict_label)
