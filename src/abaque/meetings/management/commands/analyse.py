"""`abaque analyse FILE.csv`: the analysis of a matrix typed in a spreadsheet.

Touches no database: a facilitator can check a file, or analyse a paper
vote, before any séance exists.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from abaque import scale
from abaque.analysis import ORDERS, Analysis, ItemStats, analyse
from abaque.analysis.polis import is_polis, read_polis
from abaque.analysis.spreadsheet import MatrixFileError, decode_matrix_bytes, read_matrix_csv
from abaque.wording import verdict_label

ORDER_LABELS = {
    "entered": gettext_lazy("saisie"),
    "mean": gettext_lazy("moyenne"),
    "consensus": gettext_lazy("consensus"),
    "seriation": gettext_lazy("sériation"),
}
NONE = "—"


class Erreur(CommandError):
    """Django prints the class name before the message: keep that line French."""


class Command(BaseCommand):
    help = gettext_lazy("Analyse une matrice de votes (CSV : participants en colonnes, items en lignes).")
    requires_system_checks = []  # pure computation: nothing to check, no database

    def add_arguments(self, parser):
        parser.add_argument(
            "file", help=_("fichier CSV, séparé par ';' ou ',', ou export Pol.is (dossier ou participants-votes.csv)")
        )
        parser.add_argument("--order", choices=ORDERS, default="mean", help=_("ordre des items et des participants"))
        parser.add_argument("--json", action="store_true", help=_("sortie JSON"))

    def handle(self, *args, file: str, order: str, json: bool, **options):
        names, texts, rows, width = _read(Path(file))
        analysis = analyse(rows, width=width)
        lines = _as_json(names, texts, analysis, order) if json else _as_table(names, texts, analysis, order)
        for line in lines:
            self.stdout.write(line)


POLIS_WIDTH = 2  # the three-opinion scale, -1..+1


def _read(path: Path) -> tuple[list[str], list[str], list[list[str | None]], int]:
    try:
        if is_polis(path):
            export = read_polis(path)
            return export.participants, export.texts, export.rows, POLIS_WIDTH
        return (*read_matrix_csv(decode_matrix_bytes(path.read_bytes())), 4)
    except IsADirectoryError:
        raise Erreur(_("%(path)s est un dossier sans participants-votes.csv.") % {"path": path}) from None
    except FileNotFoundError:
        raise Erreur(_("Fichier introuvable : %(path)s") % {"path": path}) from None
    except OSError as error:
        raise Erreur(
            _("Lecture impossible de %(path)s (%(error)s).") % {"path": path, "error": error.strerror}
        ) from None
    except MatrixFileError as error:
        raise Erreur(str(error)) from None


def _as_json(names: list[str], texts: list[str], analysis: Analysis, order: str) -> list[str]:
    document = {
        "order": order,
        "participants": names,
        "items": [
            {"text": text, "mean": s.mean, "consensus": s.consensus, "verdict": s.verdict, "counts": s.counts}
            for text, s in zip(texts, analysis.items)
        ],
        "item_order": analysis.item_orders[order],
        "participant_order": analysis.participant_orders[order],
        "participant_groups": analysis.groups.labels,
        "groups": [
            {
                "id": g.id,
                "letter": g.letter,
                "size": g.size,
                "members": [names[j] for j in g.members],
                "representative": [r.item for r in g.representative],
                "representative_directions": [r.direction for r in g.representative],
            }
            for g in analysis.groups.groups
        ],
        "group_consensus": [{"item": c.item, "direction": c.direction} for c in analysis.groups.consensus],
    }
    return [json.dumps(document, ensure_ascii=False, indent=2)]


TABLE_HEADER = [
    gettext_lazy("Rang"),
    gettext_lazy("N°"),
    gettext_lazy("Moyenne"),
    gettext_lazy("Consensus"),
    gettext_lazy("Verdict"),
    *scale.CODES,
    gettext_lazy("Vide"),
    gettext_lazy("Item"),
]
VERDICT_COLUMN = 4  # text, aligned left like the item


def _as_table(names: list[str], texts: list[str], analysis: Analysis, order: str) -> list[str]:
    body = [
        _table_row(rank, i, analysis.items[i], texts[i]) for rank, i in enumerate(analysis.item_orders[order], start=1)
    ]
    participants = ", ".join(names[j] for j in analysis.participant_orders[order])
    return [
        *_aligned([[str(cell) for cell in TABLE_HEADER], *body]),
        "",
        *_groups_lines(names, texts, analysis),
        "",
        _("Participants (ordre « %(order)s ») : %(participants)s")
        % {"order": ORDER_LABELS[order], "participants": participants},
    ]


DIRECTION_LABELS = {"agree": gettext_lazy("d'accord"), "disagree": gettext_lazy("pas d'accord")}


def _groups_lines(names: list[str], texts: list[str], analysis: Analysis) -> list[str]:
    found = analysis.groups
    if not found.groups:
        return [found.reason or _("Pas de groupes d'opinion.")]
    lines = [_("Groupes d'opinion :")]
    for g in found.groups:
        lines.append(
            "  "
            + ngettext(
                "Groupe %(letter)s (%(n)d participant) : %(members)s",
                "Groupe %(letter)s (%(n)d participants) : %(members)s",
                g.size,
            )
            % {"letter": g.letter, "n": g.size, "members": ", ".join(names[j] for j in g.members)}
        )
        for r in g.representative:
            lines.append(
                "    "
                + _("%(direction)s à %(rate)s (autres : %(outside)s) : n° %(number)s %(text)s")
                % {
                    "direction": DIRECTION_LABELS[r.direction],
                    "rate": f"{r.rate:.0%}",
                    "outside": f"{r.rate_outside:.0%}",
                    "number": r.item + 1,
                    "text": texts[r.item],
                }
            )
    for c in found.consensus:
        lines.append(
            "  "
            + _("Consensus de tous les groupes (%(direction)s) : n° %(number)s %(text)s")
            % {"direction": DIRECTION_LABELS[c.direction], "number": c.item + 1, "text": texts[c.item]}
        )
    return lines


def _table_row(rank: int, index: int, stats: ItemStats, text: str) -> list[str]:
    return [
        str(rank),
        str(index + 1),
        _number(stats.mean, "+.2f"),
        _number(stats.consensus, ".2f"),
        verdict_label(stats.verdict),
        *(str(stats.counts[code]) for code in scale.CODES),
        str(stats.not_voted),
        text,
    ]


def _number(value: float | None, spec: str) -> str:
    return NONE if value is None else format(value, spec).replace(".", ",")  # French decimal comma


def _aligned(table: list[list[str]]) -> list[str]:
    """Columns padded to their widest cell, figures to the right; the last
    column (the item text) is left as it is."""
    widths = [max(len(row[c]) for row in table) for c in range(len(table[0]) - 1)]
    return ["  ".join([*(_pad(c, row[c], w) for c, w in enumerate(widths)), row[-1]]) for row in table]


def _pad(column: int, cell: str, width: int) -> str:
    return cell.ljust(width) if column == VERDICT_COLUMN else cell.rjust(width)
