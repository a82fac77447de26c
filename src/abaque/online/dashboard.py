"""The participation of an online phase, as the facilitator watches it: how
many, who has finished (only counts in an anonymous séance), by commune and
category, and over time. Never what anyone voted."""

from collections import Counter
from itertools import accumulate

from django.utils.translation import gettext as _

from abaque.live.progress import round_counts
from abaque.meetings.models import Participant

from .models import OnlinePhase


def participation(phase: OnlinePhase) -> dict:
    meeting = phase.meeting
    participants = list(meeting.participants.values_list("pk", "origin", "commune", "category", "name"))
    round_ = meeting.current_round()
    done = round_counts(round_)[1] if round_ else set()
    online = [p for p in participants if p[1] == Participant.Origin.ONLINE]
    labels = dict(Participant.Category.choices)
    days = Counter(phase.registrations.filter(confirmed_on__isnull=False).values_list("confirmed_on", flat=True))
    timeline = sorted(days.items())
    totals = list(accumulate(n for _, n in timeline))
    peak = max(totals, default=0)
    return {
        "online": len(online),
        "room": len(participants) - len(online),
        "finished": sum(1 for p in online if p[0] in done),
        "waiting": phase.registrations.filter(confirmed_on__isnull=True, excluded=False).count(),
        "by_commune": Counter(p[2] or _("Non précisée") for p in online).most_common(),
        "by_category": Counter(str(labels.get(p[3], _("Non précisée"))) for p in online).most_common(),
        "timeline": [
            {"day": day, "n": n, "total": total, "width": round(100 * total / peak) if peak else 0}
            for (day, n), total in zip(timeline, totals)
        ],
        "invitations": _invitations(phase, done) if not meeting.is_anonymous else [],
        "invited": phase.invitations.count(),
        "invited_sent": phase.invitations.filter(sent_at__isnull=False).count(),
        "invited_finished": phase.invitations.filter(participant_id__in=done).count(),
    }


def _invitations(phase, done) -> list[dict]:
    return [
        {"invitation": i, "finished": i.participant_id in done} for i in phase.invitations.select_related("participant")
    ]
