from .models import Role
from .rules import role_in
from .structures import current_structure, structures_of


def structure(request):
    """The current structure, the others to switch to, and the user's role in it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    current = current_structure(request)
    role = role_in(user, current)
    return {
        "current_structure": current,
        "my_structures": structures_of(user),
        "my_role": role,
        "is_structure_admin": role == Role.ADMINISTRATOR,
    }
