"""Template helpers of the démarche pages."""

from django import template

from abaque.accounts.rules import is_member
from abaque.wording import verdict_label

from ..exports.tables import money as money_text
from ..rules import supports

register = template.Library()


@register.inclusion_tag("plans/_vote_summary.html")
def vote_summary(stats):
    """An item's or action's vote: distribution bar, mean, consensus, verdict."""
    return {"stats": stats, "verdict_label": verdict_label(stats.verdict) if stats else ""}


@register.filter
def money(value):
    return money_text(value) or "—"


@register.filter
def read_through_sharing(process, user) -> bool:
    """True when the user reads this démarche only because it is shared with their structure."""
    return not is_member(user, process.structure) and supports(user, process)
