"""The tables the documents show, built once from the database so that the
PDF, ODT and XLSX cannot disagree."""

from dataclasses import dataclass, field

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from abaque.templatetags.abaque import signed
from abaque.wording import verdict_label

from ..ballots import PURPOSE, ballot_results, latest_ballot
from ..charts import fmt
from ..models import Action


@dataclass
class Row:
    kind: str  # "axis": one full-width title; "action"; "memory": kept for memory, greyed
    cells: list[str]


@dataclass
class Table:
    title: str
    subtitle: str
    headers: list[str]
    rows: list[Row] = field(default_factory=list)
    closing: list[tuple[str, str]] = field(default_factory=list)  # (heading, text) after the table

    @property
    def width(self) -> int:
        return len(self.headers)


def action_label(action: Action) -> str:
    """« Item 10 : Faire émerger… » when the action comes from a séance's item."""
    if action.item_id:
        return _("Item %(number)s : %(title)s") % {"number": action.item.position, "title": action.title}
    return action.title


def money(value) -> str:
    """« 15 000 € » in French, "€15,000" in English."""
    if value is None:
        return ""
    language = get_language() or "fr"
    amount = fmt(round(value), language)
    return f"€{amount}" if language.startswith("en") else f"{amount} €"


def action_details(action: Action) -> str:
    parts = [
        (_("Porteur"), action.lead),
        (_("Partenaires"), ", ".join(action.partner_names())),
        (_("Financements"), ", ".join(action.funder_names())),
        (_("Budget"), money(action.budget)),
        (_("Calendrier"), action.schedule),
        (_("Contenu social ajouté à"), action.enriches_park_action),
    ]
    return "\n".join(_("%(name)s : %(value)s") % {"name": name, "value": value} for name, value in parts if value)


def grouped_by_axis(actions):
    """[(axis or None, [actions])] in axis order, actions without axis last."""
    groups: dict = {}
    for action in actions:
        groups.setdefault(action.axis, []).append(action)
    return sorted(groups.items(), key=lambda pair: (pair[0] is None, pair[0].number if pair[0] else 0))


def _axis_title(axis) -> str:
    return str(axis).upper() if axis else _("SANS AXE")


def plan_table(cycle) -> Table:
    process = cycle.process
    criteria = list(process.criteria.all())
    table = Table(
        _("Plan d'action %(year)s") % {"year": cycle.year},
        f"{process.title} — {process.territory.name}",
        [_("Items"), *[c.name for c in criteria]],
    )
    actions = cycle.plan().select_related("axis", "item").prefetch_related("criterion_values")
    for axis, group in grouped_by_axis(actions):
        table.rows.append(Row("axis", [_axis_title(axis)]))
        for action in group:
            values = {v.criterion_id: v.text for v in action.criterion_values.all()}
            first = "\n".join(filter(None, [action_label(action), action_details(action)]))
            table.rows.append(Row("action", [first, *[values.get(c.pk, "") for c in criteria]]))
    memory = list(cycle.memory_actions())
    if memory:
        table.rows.append(Row("axis", [_("POUR MÉMOIRE : ACTIONS TERMINÉES OU ABANDONNÉES")]))
        for action in memory:
            note = _("%(status)s en %(year)s") % {"status": action.get_status_display(), "year": action.cycle.year}
            table.rows.append(Row("memory", [f"{action.title}\n{note}", *[""] * len(criteria)]))
    return table


def evaluation_table(cycle) -> Table:
    process = cycle.process
    link = latest_ballot(cycle, PURPOSE.EVALUATION)
    results = ballot_results(link) if link else {}
    headers = [_("Action"), _("Statut"), _("Objectifs initiaux"), _("Efficacité"), _("Impacts"), _("Correctifs")]
    if results:
        headers.append(_("Avis du comité"))
    title = _("Évaluation %(year)s") % {"year": cycle.year}
    table = Table(title, f"{process.title} — {process.territory.name}", headers)
    actions = cycle.plan().select_related("axis", "item")
    for axis, group in grouped_by_axis(actions):
        table.rows.append(Row("axis", [_axis_title(axis)]))
        for action in group:
            cells = [
                action_label(action),
                action.get_status_display(),
                action.objectives,
                action.effectiveness,
                action.impacts,
                action.corrections,
            ]
            if results:
                cells.append(_opinion(results.get(action.pk)))
            table.rows.append(Row("action", cells))
    if cycle.synthesis:
        table.closing.append((_("Synthèse"), cycle.synthesis))
    return table


def _opinion(stats) -> str:
    if stats is None:
        return ""
    return _("%(verdict)s (moyenne %(mean)s)") % {"verdict": verdict_label(stats.verdict), "mean": signed(stats.mean)}
