"""Fetching démarche objects for the current facilitator: one helper per
type, so that no view reaches another facilitator's démarche (404)."""

from django.shortcuts import get_object_or_404

from .models import (
    Action,
    Axis,
    CommitteeMember,
    Communication,
    Criterion,
    Cycle,
    CycleMeeting,
    Deliberation,
    Process,
    Territory,
)


def get_territory(request, territory_id) -> Territory:
    return get_object_or_404(Territory, pk=territory_id, owner=request.user)


def get_process(request, process_id) -> Process:
    return get_object_or_404(Process.objects.select_related("territory"), pk=process_id, owner=request.user)


def get_cycle(process, year) -> Cycle:
    return get_object_or_404(Cycle, process=process, year=year)


def get_action(cycle, action_id) -> Action:
    return get_object_or_404(Action, pk=action_id, cycle=cycle)


def get_cycle_meeting(cycle, link_id) -> CycleMeeting:
    return get_object_or_404(CycleMeeting.objects.select_related("meeting"), pk=link_id, cycle=cycle)


def get_of_process(model, process, object_id):
    """A deliberation, committee member, axis or criterion of this démarche."""
    assert model in (Deliberation, CommitteeMember, Axis, Criterion)
    return get_object_or_404(model, pk=object_id, process=process)


def get_communication(cycle, communication_id) -> Communication:
    return get_object_or_404(Communication, pk=communication_id, cycle=cycle)
