"""Template helpers of the démarche pages."""

from django import template

from abaque.analysis import VERDICT_LABELS

from ..exports.tables import money as money_text

register = template.Library()


@register.inclusion_tag("plans/_vote_summary.html")
def vote_summary(stats):
    """An item's or action's vote: distribution bar, mean, consensus, verdict."""
    return {"stats": stats, "verdict_label": VERDICT_LABELS[stats.verdict] if stats else ""}


@register.filter
def money(value):
    return money_text(value) or "—"
