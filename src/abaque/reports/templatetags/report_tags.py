"""Helpers for the printed report, where colour may be lost and where
WeasyPrint's flex layout costs a lot per element."""

from django import template
from django.utils.html import format_html, format_html_join

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
