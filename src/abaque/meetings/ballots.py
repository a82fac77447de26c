"""Anonymous ballots (bulletins anonymes): in an anonymous séance a voter
is a Participant row that holds nothing about a person: its letter as a
name, no e-mail, no category unless the facilitator chose to collect them,
and no time finer than the séance itself."""

from collections import Counter

from django.db import transaction
from django.db.models import Max

from .models import MIN_CATEGORY_GROUP, Meeting, Participant, letter_for

MAX_BALLOTS = 2000  # a phone with the code cannot fill the database


def _next_position(meeting) -> int:
    return (meeting.participants.aggregate(m=Max("position"))["m"] or 0) + 1


@transaction.atomic
def add_ballots(meeting: Meeting, n: int) -> list[Participant]:
    """n new ballots, lettered after the existing ones."""
    n = max(0, min(n, MAX_BALLOTS - meeting.participants.count()))
    first = _next_position(meeting)
    return Participant.objects.bulk_create(
        Participant(meeting=meeting, name=letter_for(first + i - 1), category="", email="", position=first + i)
        for i in range(n)
    )


def claim_time(meeting: Meeting):
    """When a ballot is taken, as stored: the séance's creation, never the
    moment (it would tell which phone, hence which person, took which)."""
    return meeting.created_at


def shown_categories(meeting: Meeting, participants) -> dict[int, str]:
    """Participant id → the category shown for them. In an anonymous séance,
    only if categories are collected and the group counts at least
    MIN_CATEGORY_GROUP ballots."""
    if not meeting.is_anonymous:
        return {p.pk: p.get_category_display() for p in participants}
    if not meeting.collect_categories:
        return {p.pk: "" for p in participants}
    sizes = Counter(p.category for p in participants)
    return {
        p.pk: p.get_category_display() if p.category and sizes[p.category] >= MIN_CATEGORY_GROUP else ""
        for p in participants
    }


@transaction.atomic
def anonymise(meeting: Meeting) -> None:
    """Turn the participants of a séance just made anonymous into ballots:
    names become letters, e-mails and (unless collected) categories go."""
    participants = list(meeting.participants.all())
    for index, p in enumerate(participants):
        p.name, p.email = letter_for(index), ""
        if not meeting.collect_categories:
            p.category = ""
        if p.claimed_at is not None:
            p.claimed_at = claim_time(meeting)
    Participant.objects.bulk_update(participants, ["name", "email", "category", "claimed_at"])
