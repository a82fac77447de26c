"""Fetching démarche objects for the current user: one helper per type, so
that no view reaches another structure's démarche (404), and a reader or a
supporting structure changes nothing (403)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from abaque.meetings.access import SAFE_METHODS

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
from .rules import can_change_process, can_change_territory, can_view_process, can_view_territory


def _for_change(request, for_change):
    return request.method not in SAFE_METHODS if for_change is None else for_change


def get_territory(request, territory_id, for_change: bool | None = None) -> Territory:
    territory = get_object_or_404(Territory.objects.select_related("structure"), pk=territory_id)
    if not can_view_territory(request.user, territory):
        raise Http404(_("Aucun territoire ne correspond."))
    if _for_change(request, for_change) and not can_change_territory(request.user, territory):
        raise PermissionDenied(_("Votre rôle ne permet pas de modifier ce territoire."))
    return territory


def get_process(request, process_id, for_change: bool | None = None) -> Process:
    """The démarche if the user may read it (else 404); if for_change (by
    default: any request that is not a read), only if they may change it (else 403)."""
    process = get_object_or_404(Process.objects.select_related("territory", "structure"), pk=process_id)
    if not can_view_process(request.user, process):
        raise Http404(_("Aucune démarche ne correspond."))
    if _for_change(request, for_change) and not can_change_process(request.user, process):
        raise PermissionDenied(_("Votre rôle ne permet pas de modifier cette démarche."))
    return process


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
