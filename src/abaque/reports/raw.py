"""The raw data of a séance: every vote (CSV) and everything with its
analysis (JSON), participants by letter in an anonymous séance.

Both are in the séance's language, but differently: the CSV is read by a
person in a spreadsheet, so its column headers are translated (the French
ones unchanged); the JSON is a data format read by programs, so its keys
stay the same French identifiers in every language (only its values, such as
a level's label or a verdict's, are in the séance's language)."""

from __future__ import annotations

import csv
import io
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from abaque import scale
from abaque.meetings.language import in_meeting_language
from abaque.meetings.models import RoundItem, Vote
from abaque.safe_cells import spreadsheet_cell
from abaque.templatetags.abaque import level_label

from .content import Report, RoundGroups, participant_keys

# A vote row's keys (stable identifiers), and the headers a person reads.
VOTE_COLUMNS = {
    "tour": _("tour"),
    "item": _("item"),
    "texte": _("texte"),
    "participant": _("participant"),
    "categorie": _("catégorie"),
    "code": _("code"),
    "couleur": _("couleur"),
    "source": _("source"),
    "heure": _("heure"),
}


def vote_header(row_keys) -> list[str]:
    """The column headers of the votes, in the active language."""
    return [str(VOTE_COLUMNS[key]) for key in row_keys]


def participant_names(report: Report) -> dict[int, str]:
    """Participant id → how raw data names them: never a name if anonymous."""
    return {p.participant.pk: p.label if report.meeting.is_anonymous else p.name for p in report.participants}


def vote_rows(report: Report) -> list[dict]:
    """One dict per vote, in round, item and participant order."""
    meeting, names = report.meeting, participant_names(report)
    categories = {p.participant.pk: p.category for p in report.participants}
    if meeting.is_anonymous:  # per vote, a category or a time could name the voter
        return [_anonymous(row) for row in _rows(report, meeting, names, categories)]
    return _rows(report, meeting, names, categories)


def _anonymous(row: dict) -> dict:
    row.pop("categorie")
    row.pop("heure")
    return row


def _rows(report, meeting, names, categories) -> list[dict]:
    order = {pk: n for n, pk in enumerate(participant_keys(report))}
    texts = {(ri.round_id, ri.item_id): ri.text for ri in RoundItem.objects.filter(round__meeting=meeting)}
    votes = sorted(
        Vote.objects.filter(round__meeting=meeting).select_related("round"),
        key=lambda v: (v.round.number, report.numbers.get(v.item_id, 0), order[v.participant_id]),
    )
    return [
        {
            "tour": v.round.number,
            "item": report.numbers.get(v.item_id),
            "texte": texts.get((v.round_id, v.item_id), ""),
            "participant": names[v.participant_id],
            "categorie": categories[v.participant_id],
            "code": v.code,
            "couleur": level_label(scale.BY_CODE[v.code]),
            "source": str(v.get_source_display()),
            "heure": timezone.localtime(v.updated_at).isoformat(timespec="seconds") if v.updated_at else "",
        }
        for v in votes
    ]


def build_csv(report: Report) -> bytes:
    with in_meeting_language(report.meeting):
        rows = vote_rows(report)
        keys = list(rows[0]) if rows else ["tour"]
        header = vote_header(keys)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(header)
    writer.writerows([spreadsheet_cell(row[key]) for key in keys] for row in rows)
    # A BOM so that spreadsheets opened by double click read the accents.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def build_json(report: Report) -> bytes:
    with in_meeting_language(report.meeting):
        return _build_json(report)


def _build_json(report: Report) -> bytes:
    meeting, names = report.meeting, participant_names(report)
    data = {
        "seance": {
            "titre": meeting.title,
            "date": meeting.date,
            "lieu": meeting.place,
            "territoire": meeting.territory,
            "question": meeting.question,
            "animation": report.facilitator_name,
            "mode": meeting.mode,
            "echelle": [level_json(lv) for lv in meeting.levels],
        },
        "participants": [
            {"participant": names[p.participant.pk], "categorie": p.category} for p in report.participants
        ],  # in an anonymous séance, content.py already hides the small groups' categories
        "items": [{"numero": o.number, "texte": o.text, "note": o.note} for o in report.outcomes],
        "tours": [_round_json(r, report) for r in report.rounds],
    }
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode("utf-8")


def level_json(lv) -> dict:
    return {"code": lv.code, "libelle": level_label(lv), "poids": lv.weight, "symbole": lv.symbol}


def _round_json(round_report, report: Report) -> dict:
    view = round_report.matrices[0]
    labels = [p.label if report.meeting.is_anonymous else p.participant.name for p in view.participants]
    return {
        "numero": round_report.round.number,
        "statut": round_report.round.status,
        "reouvertures": round_report.round.reopen_count,
        "rouvert_le": round_report.round.reopened_at,
        "items": [
            {
                "numero": row.number,
                "texte": row.entry.text,
                "votes": {label: code for label, (_, code) in zip(labels, row.cells) if code},
                "repartition": row.stats.counts,
                "moyenne": row.stats.mean,
                "consensus": row.stats.consensus,
                "verdict": row.stats.verdict,
                "verdict_libelle": row.verdict_label,
            }
            for row in view.rows
        ],
        "groupes": _groups_json(round_report.groups, labels),
    }


def _groups_json(shown: RoundGroups | None, labels: list[str]) -> dict:
    """The round's opinion groups; members named as the votes are (letters if anonymous)."""
    if shown is None:
        return {"groupes": [], "consensus": [], "raison": None}
    groups = [
        {
            "lettre": g.style.letter,
            "taille": g.size,
            "membres": [labels[j] for j in g.analysed_members],
            "items_representatifs": [
                {"texte": r.text, "sens": r.direction, "taux": r.rate, "taux_ailleurs": r.rate_outside}
                for r in g.representative
            ],
        }
        for g in shown.groups
    ]
    consensus = [{"texte": c.text, "sens": c.direction} for c in shown.consensus]
    return {"groupes": groups, "consensus": consensus, "raison": shown.reason}
