"""Template helpers of the debate pages and of the projected fragment."""

from django import template

from abaque.scale import BY_CODE

from ..speakers import colour_order

register = template.Library()


@register.filter
def colour_counts(distribution, speaking_order="dissent_first"):
    """[(level, count)] for the colours voted, in the order of speaking: all
    an anonymous séance shows of who thinks what."""
    if not distribution:
        return []
    return [(BY_CODE[code], distribution[code]) for code in colour_order(speaking_order) if distribution.get(code)]


@register.filter
def duration(seconds):
    """1 h 02 min 05 s → « 1:02:05 », 65.8 s → « 1:05 » (whole seconds
    elapsed, as the recorder's clock shows them)."""
    total = int(seconds or 0)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@register.filter
def points(delta):
    """A difference of consensus in percentage points: 0.125 → « +13 pts »."""
    return "—" if delta is None else f"{round(delta * 100):+d} pts".replace("+0 ", "0 ").replace("-0 ", "0 ")
