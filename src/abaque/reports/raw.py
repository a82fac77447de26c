"""The raw data of a séance: every vote (CSV) and everything with its
analysis (JSON), participants by letter in an anonymous séance."""

from __future__ import annotations

import csv
import io
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from abaque import scale
from abaque.meetings.models import RoundItem, Vote
from abaque.safe_cells import spreadsheet_cell

from .content import Report, participant_keys


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
    row.pop("catégorie")
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
            "catégorie": categories[v.participant_id],
            "code": v.code,
            "couleur": scale.BY_CODE[v.code].label,
            "source": v.get_source_display(),
            "heure": timezone.localtime(v.updated_at).isoformat(timespec="seconds") if v.updated_at else "",
        }
        for v in votes
    ]


def build_csv(report: Report) -> bytes:
    rows = vote_rows(report)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["tour"], delimiter=";")
    writer.writeheader()
    writer.writerows({key: spreadsheet_cell(value) for key, value in row.items()} for row in rows)
    # A BOM so that spreadsheets opened by double click read the accents.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def build_json(report: Report) -> bytes:
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
    return {"code": lv.code, "libelle": lv.label, "poids": lv.weight, "symbole": lv.symbol}


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
        "groupes": _groups_json(round_report.groups, round_report.analysis.groups, labels),
    }


def _groups_json(shown: dict, found, labels: list[str]) -> dict:
    """The round's opinion groups; members named as the votes are (letters if anonymous)."""
    groups = [
        {
            "lettre": g["style"]["letter"],
            "taille": g["size"],
            "membres": [labels[j] for j in analysed.members],
            "items_representatifs": [
                {"texte": r["text"], "sens": r["direction"], "taux": r["rate"], "taux_ailleurs": r["rate_outside"]}
                for r in g["representative"]
            ],
        }
        for g, analysed in zip(shown["groups"], found.groups)
    ]
    consensus = [{"texte": c["text"], "sens": c["direction"]} for c in shown.get("group_consensus", [])]
    return {"groupes": groups, "consensus": consensus, "raison": shown.get("groups_reason")}
