"""The committee votes on actions with the abacus: a séance whose items are
the actions and whose participants are the steering committee's members,
run with the séance machinery (phones or paper cards), then read back."""

from django.conf import settings
from django.db import transaction
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from abaque.meetings.models import Item, Meeting, Participant
from abaque.meetings.rounds import sync_open_round

from .compare import latest_stats
from .models import Action, BallotEntry, CycleMeeting

PURPOSE = CycleMeeting.Purpose
QUESTIONS = {
    PURPOSE.PRIORITISATION: gettext_lazy(
        "Selon vous, cette action doit-elle être prioritaire dans le plan d'action %(year)s ?"
    ),
    PURPOSE.EVALUATION: gettext_lazy("Selon vous, cette action a-t-elle atteint ses objectifs en %(year)s ?"),
}


class BallotRefused(Exception):
    """Shown to the facilitator as is."""


def ballot_actions(cycle, purpose):
    """Prioritisation votes on every candidate; evaluation on the plan."""
    actions = cycle.actions.all() if purpose == PURPOSE.PRIORITISATION else cycle.plan()
    return list(actions.order_by("priority", "pk"))


@transaction.atomic
def create_ballot(cycle, purpose, user) -> CycleMeeting:
    process = cycle.process
    actions = ballot_actions(cycle, purpose)
    members = list(process.members.all())
    if not actions:
        raise BallotRefused(_("Il n'y a encore aucune action sur laquelle voter."))
    if not members:
        raise BallotRefused(_("Saisissez d'abord les membres du comité de pilotage : ce sont eux qui votent."))
    running = latest_ballot(cycle, purpose)
    if running and not running.meeting.current_round().is_closed:
        raise BallotRefused(
            _("Le vote « %(title)s » n'est pas encore clos : terminez-le avant d'en créer un autre.")
            % {"title": running.meeting.title}
        )
    # Made in the facilitator's language, the séance speaks it to the committee.
    language = get_language() if get_language() in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    meeting = Meeting.objects.create(
        facilitator=user,
        language=language,
        structure=process.structure,
        title=f"{PURPOSE(purpose).label} {cycle.year} — {process.title}"[:200],
        territory=process.territory.name[:200],
        question=QUESTIONS[purpose] % {"year": cycle.year},
    )
    Participant.objects.bulk_create(
        [
            Participant(
                meeting=meeting, name=m.name, email=m.email, position=i, category=m.PARTICIPANT_CATEGORY[m.category]
            )
            for i, m in enumerate(members, 1)
        ]
    )
    link = CycleMeeting.objects.create(
        cycle=cycle, meeting=meeting, group=CycleMeeting.Group.COMMITTEE, purpose=purpose
    )
    for i, action in enumerate(actions, 1):
        item = Item.objects.create(meeting=meeting, text=action.title[:300], position=i, validated=True)
        BallotEntry.objects.create(cycle_meeting=link, action=action, item=item)
    sync_open_round(meeting)
    return link


def ballot_results(link) -> dict[int, object]:
    """Action id → ItemStats of the latest round that voted on its item."""
    stats = latest_stats(link.meeting)
    return {e.action_id: stats[e.item_id][1] for e in link.entries.all() if e.item_id in stats}


def latest_ballot(cycle, purpose):
    return cycle.cycle_meetings.filter(purpose=purpose).select_related("meeting").order_by("-pk").first()


@transaction.atomic
def apply_ranking(link) -> int:
    """Rank the actions by the vote's mean, highest first; actions without
    opinions come last, in their former order. Returns how many were ranked."""
    results = ballot_results(link)
    actions = list(link.cycle.actions.order_by("priority", "pk"))

    def key(action):
        stats = results.get(action.pk)
        mean = stats.mean if stats is not None else None
        return (mean is None, -(mean or 0))

    for rank, action in enumerate(sorted(actions, key=key), 1):
        if action.priority != rank:
            Action.objects.filter(pk=action.pk).update(priority=rank)
    return len(actions)
