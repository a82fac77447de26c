"""Who may do what with a territory or a démarche: small named predicates,
tested for every role."""

from abaque.accounts import rules as structure_rules
from abaque.accounts.models import Structure


def can_view_territory(user, territory) -> bool:
    return structure_rules.is_member(user, territory.structure)


def can_change_territory(user, territory) -> bool:
    return structure_rules.can_run_work(user, territory.structure)


def supports(user, process) -> bool:
    """A member of a structure the démarche is shared with (« accompagnement »)."""
    return any(structure_rules.is_member(user, s) for s in process.shared_with.all())


def can_view_process(user, process) -> bool:
    """Members of its structure, and of the structures that support it, read it."""
    return structure_rules.is_member(user, process.structure) or supports(user, process)


def can_change_process(user, process) -> bool:
    """Administrators and facilitators of its own structure only."""
    return structure_rules.can_run_work(user, process.structure)


def can_share_process(user, process) -> bool:
    """Only an administrator of its own structure shares it in reading, or stops sharing."""
    return structure_rules.can_manage_members(user, process.structure)


def structures_to_share_with(process):
    """The other structures of the installation it is not yet shared with."""
    return Structure.objects.exclude(pk=process.structure_id).exclude(supported_processes=process)


def can_see_journal(user, process) -> bool:
    return can_change_process(user, process)
