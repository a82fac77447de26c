"""Template helpers for the colour scale: styles and cells derive from
scale.py, so no template or stylesheet repeats a colour."""

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime

from abaque import scale
from abaque.analysis.verdict import VERDICT_SYMBOLS
from abaque.meetings.models import letter_for

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


@register.simple_tag
def cell(code, title=""):
    """A matrix cell: its colour and its symbol, readable in black and white."""
    lv = scale.BY_CODE.get(code or "")
    if lv is None:
        return format_html('<td class="cell empty" title="{}">·</td>', title or "pas de vote")
    return format_html(
        '<td class="cell lv-{}" title="{}">{}</td>', lv.code, f"{title} — {lv.label}".strip(" —"), lv.symbol
    )


@register.simple_tag
def distribution_bar(counts, total=None):
    """A horizontal bar of the 7 levels, widths proportional to counts; each
    segment carries its level's symbol and its count, so that it reads
    without colour."""
    total = total or sum(counts.get(lv.code, 0) for lv in scale.LEVELS) or 1
    shown = [lv for lv in scale.LEVELS if counts.get(lv.code)]
    parts = format_html_join(
        "",
        '<span class="lv-{}" style="flex-grow:{}" title="{} : {}">{}\u202f{}</span>',
        ((lv.code, counts[lv.code], lv.label, counts[lv.code], lv.symbol, counts[lv.code]) for lv in shown),
    )
    spoken = ", ".join(f"{lv.name} {counts[lv.code]}" for lv in shown)
    return format_html(
        '<span class="distribution" role="img" aria-label="répartition : {}">{}</span>', spoken or "aucun vote", parts
    )


@register.filter
def pct(value):
    return "—" if value is None else f"{round(value * 100)} %"


@register.filter
def signed(value):
    """+0,36 or −0,12: French decimal comma, and the minus sign (U+2212), not a hyphen."""
    return "—" if value is None else f"{value:+.2f}".replace(".", ",").replace("-", "\u2212")


@register.filter
def letter(index):
    """0 → A: how a participant is shown in anonymous mode."""
    return letter_for(int(index))


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
