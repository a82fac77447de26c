"""The tables the documents show, built once from the database so that the
PDF, ODT and XLSX cannot disagree."""

from dataclasses import dataclass, field

from abaque.analysis import VERDICT_LABELS
from abaque.templatetags.abaque import signed

from ..ballots import PURPOSE, ballot_results, latest_ballot
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
        return f"Item {action.item.position} : {action.title}"
    return action.title


def money(value) -> str:
    return "" if value is None else f"{value:,.0f} €".replace(",", " ")


def action_details(action: Action) -> str:
    parts = [
        ("Porteur", action.lead),
        ("Partenaires", ", ".join(action.partner_names())),
        ("Financements", ", ".join(action.funder_names())),
        ("Budget", money(action.budget)),
        ("Calendrier", action.schedule),
        ("Contenu social ajouté à", action.enriches_park_action),
    ]
    return "\n".join(f"{name} : {value}" for name, value in parts if value)


def grouped_by_axis(actions):
    """[(axis or None, [actions])] in axis order, actions without axis last."""
    groups: dict = {}
    for action in actions:
        groups.setdefault(action.axis, []).append(action)
    return sorted(groups.items(), key=lambda pair: (pair[0] is None, pair[0].number if pair[0] else 0))


def _axis_title(axis) -> str:
    return str(axis).upper() if axis else "SANS AXE"


def plan_table(cycle) -> Table:
    process = cycle.process
    criteria = list(process.criteria.all())
    table = Table(
        f"Plan d'action {cycle.year}",
        f"{process.title} — {process.territory.name}",
        ["Items", *[c.name for c in criteria]],
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
        table.rows.append(Row("axis", ["POUR MÉMOIRE : ACTIONS TERMINÉES OU ABANDONNÉES"]))
        for action in memory:
            note = f"{action.get_status_display()} en {action.cycle.year}"
            table.rows.append(Row("memory", [f"{action.title}\n{note}", *[""] * len(criteria)]))
    return table


def evaluation_table(cycle) -> Table:
    process = cycle.process
    link = latest_ballot(cycle, PURPOSE.EVALUATION)
    results = ballot_results(link) if link else {}
    headers = ["Action", "Statut", "Objectifs initiaux", "Efficacité", "Impacts", "Correctifs"]
    if results:
        headers.append("Avis du comité")
    table = Table(f"Évaluation {cycle.year}", f"{process.title} — {process.territory.name}", headers)
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
        table.closing.append(("Synthèse", cycle.synthesis))
    return table


def _opinion(stats) -> str:
    if stats is None:
        return ""
    return f"{VERDICT_LABELS[stats.verdict]} (moyenne {signed(stats.mean)})"
