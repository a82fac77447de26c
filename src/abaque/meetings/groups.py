"""Opinion groups as the pages show them: letter, symbol and colour.

Colours from the Okabe-Ito palette (readable by colour-blind people); the
symbol carries the group in black and white print.
"""

from django.utils.translation import gettext_lazy as _

from abaque.wording import translated

GROUP_STYLES = (
    ("A", "●", "#0072B2"),
    ("B", "▲", "#E69F00"),
    ("C", "■", "#009E73"),
    ("D", "◆", "#CC79A7"),
    ("E", "✚", "#56B4E9"),
)
DIRECTION_LABELS = {"agree": _("d'accord"), "disagree": _("pas d'accord")}


def group_context(analysis, items, labels, columns: list[int]) -> dict:
    """Columns ordered by group (stable within a group), the band over
    them, and a short table of what characterises each group."""
    found = analysis.groups
    if not found.groups:
        return {"groups_reason": translated(found.reason), "group_columns": columns, "groups": []}
    ordered = sorted(columns, key=lambda j: (found.labels[j] is None, found.labels[j] or 0))
    band = [_style(found.labels[j]) for j in ordered]
    groups = [
        {
            "style": _style(g.id),
            "size": g.size,
            "members": [labels[j] for j in g.members],
            "representative": [
                {
                    "text": items[r.item].text,
                    "direction": str(DIRECTION_LABELS[r.direction]),
                    "rate": r.rate,
                    "rate_outside": r.rate_outside,
                }
                for r in g.representative
            ],
        }
        for g in found.groups
    ]
    consensus = [{"text": items[c.item].text, "direction": str(DIRECTION_LABELS[c.direction])} for c in found.consensus]
    return {"groups": groups, "group_band": band, "group_columns": ordered, "group_consensus": consensus}


def _style(group_id):
    if group_id is None:
        return None
    letter, symbol, colour = GROUP_STYLES[group_id]
    return {"letter": letter, "symbol": symbol, "colour": colour}
