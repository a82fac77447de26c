"""Builders for the tests (unit and browser): rounds voted from rows of
codes ("VG G . RR" is one item, one code per participant in the séance's
order, "." for no vote), and a park's démarche with its cycles and actions.
Votes go through cast_vote, the only path a vote takes."""

from abaque.meetings.rounds import close_round, open_round
from abaque.meetings.votes import cast_rows
from abaque.plans.models import Action, Cycle, CycleMeeting, Process, Territory


def vote_rows(meeting, rows):
    """Cast `rows` in the séance's current round, opening it first."""
    round_ = meeting.current_round()
    open_round(round_)
    cast_rows(round_, rows, strict=False)
    return round_


def run_round(round_, rows: list[str]):
    """Open `round_`, vote `rows` (which must fit it), close it: as a séance does."""
    open_round(round_)
    cast_rows(round_, rows)
    close_round(round_)
    return round_


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
