"""Who may do what in a structure: small named predicates, one per
question, tested for every role (adhocracy+ style)."""

from .models import Membership, Role, Structure

CHANGING_ROLES = (Role.ADMINISTRATOR, Role.FACILITATOR)


def role_in(user, structure: Structure | None) -> str | None:
    """The user's role in the structure, None for a non-member."""
    if structure is None or not getattr(user, "is_authenticated", False):
        return None
    cache = user.__dict__.setdefault("_abaque_roles", {})
    if structure.pk not in cache:
        cache[structure.pk] = (
            Membership.objects.filter(user=user, structure_id=structure.pk).values_list("role", flat=True).first()
        )
    return cache[structure.pk]


def is_member(user, structure) -> bool:
    return role_in(user, structure) is not None


def can_run_work(user, structure) -> bool:
    """Creates and runs séances and démarches, sends reports."""
    return role_in(user, structure) in CHANGING_ROLES


def can_manage_members(user, structure) -> bool:
    """Invites, removes members, changes roles and the structure's settings."""
    return role_in(user, structure) == Role.ADMINISTRATOR


def can_remove_member(user, membership: Membership) -> bool:
    """An administrator removes a member, never the last administrator."""
    if not can_manage_members(user, membership.structure):
        return False
    if membership.role != Role.ADMINISTRATOR:
        return True
    return membership.structure.memberships.filter(role=Role.ADMINISTRATOR).count() > 1


def can_change_role(user, membership: Membership, role: str) -> bool:
    """An administrator changes a role, but the structure keeps one administrator."""
    if role == Role.ADMINISTRATOR or membership.role != Role.ADMINISTRATOR:
        return can_manage_members(user, membership.structure)
    return can_remove_member(user, membership)
