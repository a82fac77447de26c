"""Helpers for the printed report, where colour may be lost and where
WeasyPrint's flex layout costs a lot per element."""

from django import template
from django.utils.html import format_html

from abaque import scale
from abaque.reports import content
from abaque.reports.content import counts_text
from abaque.reports.print_matrix import print_matrix as draw_matrix

register = template.Library()

BAR_WIDTH_MM = 34


@register.simple_tag
def print_distribution(counts: dict[str, int]):
    """The distribution bar as one box whose background has a hard stop per
    level (one box, not one per segment), then the counts by symbol."""
    total = sum(counts.get(lv.code, 0) for lv in scale.LEVELS) or 1
    stops, start = [], 0.0
    for lv in scale.LEVELS:
        if counts.get(lv.code):
            end = start + 100 * counts[lv.code] / total
            stops += [f"{lv.colour} {start:.2f}%", f"{lv.colour} {end:.2f}%"]
            start = end
    background = f"linear-gradient(to right,{','.join(stops)})" if stops else "none"
    return format_html(
        '<span class="bar" style="background:{}"></span><span class="counts">{}</span>',
        background,
        counts_text(counts),
    )


STATUS_BADGES = {"sent": "ok", "failed": "failed", "pending": "open", "no_address": "warn"}


@register.filter
def status_badge(status: str) -> str:
    """The badge class of a delivery status."""
    return STATUS_BADGES.get(status, "")


@register.simple_tag
def print_matrix(view, report, letters: bool):
    """The matrix of one ordering, see abaque.reports.print_matrix."""
    return draw_matrix(view, report.is_dense, report.matrix_text_chars, letters)


@register.filter
def group_item_text(item) -> str:
    """« d'accord (88 % contre 12 % ailleurs) : the item », see content.group_item_text."""
    return content.group_item_text(item)


@register.filter
def group_consensus_text(consensus) -> str:
    return content.group_consensus_text(consensus)
