"""The current structure of a request, and the structure a user's work
falls into when none is given (their first one, created if they have none)."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Membership, Role, Structure

SESSION_KEY = "abaque_structure"


@transaction.atomic
def own_structure(user) -> Structure:
    """The user's first structure where they run work (never one where they
    only read); a new one they administer if they have none (an account made
    with `createsuperuser`, an old login)."""
    membership = (
        user.memberships.select_related("structure")
        .filter(role__in=[Role.ADMINISTRATOR, Role.FACILITATOR])
        .order_by("pk")
        .first()
    )
    if membership:
        return membership.structure
    structure = Structure.objects.create(name=user.get_full_name() or user.first_name or user.username)
    Membership.objects.create(user=user, structure=structure, role=Role.ADMINISTRATOR)
    user.__dict__.pop("_abaque_roles", None)
    return structure


def current_structure(request) -> Structure:
    """The structure chosen in the menu (remembered in the session), else the user's first."""
    cached = getattr(request, "_abaque_structure", None)
    if cached is not None:
        return cached
    chosen = request.session.get(SESSION_KEY)
    memberships = request.user.memberships.select_related("structure").order_by("pk")
    membership = memberships.filter(structure_id=chosen).first() or memberships.first()
    structure = membership.structure if membership else own_structure(request.user)
    request._abaque_structure = structure
    return structure


def switch_structure(request, structure_id) -> bool:
    if not request.user.memberships.filter(structure_id=structure_id).exists():
        return False
    request.session[SESSION_KEY] = int(structure_id)
    request.__dict__.pop("_abaque_structure", None)
    return True


def structures_of(user):
    return Structure.objects.filter(memberships__user=user).order_by("name")


def structure_to_create_in(request) -> Structure:
    """The current structure, if the user may create séances and démarches there (else 403)."""
    from .rules import can_run_work

    structure = current_structure(request)
    if not can_run_work(request.user, structure):
        raise PermissionDenied(_("Votre rôle de lecteur ne permet pas de créer ni d'importer dans cette structure."))
    return structure
