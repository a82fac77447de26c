"""Builders for the démarche tests and the demo: a park, a démarche, its
cycles and actions, and votes cast through the séance machinery."""

from abaque.meetings.rounds import open_round
from abaque.meetings.votes import cast_vote

from .models import Action, Cycle, CycleMeeting, Process, Territory


def make_process(
    owner, years=(2024,), title="Lien social et solidarités de proximité", park="Parc naturel régional Scarpe-Escaut"
):
    territory = Territory.objects.create(owner=owner, name=park, kind=Territory.Kind.PARK)
    process = Process.objects.create(owner=owner, territory=territory, title=title)
    process.add_default_criteria()
    for year in years:
        Cycle.objects.create(process=process, year=year)
    return process


def add_action(cycle, title, retained=True, **fields):
    fields.setdefault("priority", cycle.actions.count() + 1)
    return Action.objects.create(cycle=cycle, title=title, retained=retained, **fields)


def attach(cycle, meeting, group=CycleMeeting.Group.TEST_GROUP, purpose=CycleMeeting.Purpose.DIALOGUE):
    return CycleMeeting.objects.create(cycle=cycle, meeting=meeting, group=group, purpose=purpose)


def vote_rows(meeting, rows):
    """Cast `rows` (one string of space-separated codes per item, '.' for no
    vote) in the séance's current round, opening it first."""
    round_ = meeting.current_round()
    open_round(round_)
    participants = list(meeting.participants.all())
    for entry, row in zip(round_.round_items.select_related("item"), rows):
        for participant, code in zip(participants, row.split()):
            if code != ".":
                cast_vote(round_, entry.item, participant, code)
    return round_
