"""The journal of who did what on a séance or a démarche: one line per
action, recorded by the view or domain function that does it."""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from .models import JournalEntry

# action → wording after the actor's name, as shown on the séance and démarche pages.
ACTIONS = {
    "round_opened": _("a ouvert le vote"),
    "round_reopened": _("a rouvert le vote"),
    "round_closed": _("a clos le vote"),
    "round_started": _("a créé un nouveau tour"),
    "grid_vote": _("a changé un vote dans la grille"),
    "item_reworded": _("a reformulé un item"),
    "cycle_relaunched": _("a relancé la boucle annuelle"),
    "report_sent": _("a envoyé le compte-rendu"),
    "process_shared": _("a partagé la démarche en lecture"),
    "process_unshared": _("a arrêté le partage de la démarche"),
}


def record(actor, target, action: str, detail: str = "") -> JournalEntry:
    """`target` is a séance or a démarche (anything with a structure)."""
    assert action in ACTIONS, action
    name = (actor.get_full_name() or actor.first_name or actor.username) if actor else "—"
    return JournalEntry.objects.create(
        structure_id=getattr(target, "structure_id", None),
        actor=actor if actor and actor.pk else None,
        actor_name=name[:150],
        target_type=ContentType.objects.get_for_model(target),
        target_id=target.pk,
        action=action,
        detail=detail[:300],
    )


def entries_for(target, limit: int | None = 50):
    entries = JournalEntry.objects.filter(
        target_type=ContentType.objects.get_for_model(target), target_id=target.pk
    ).order_by("-at", "-pk")
    return entries[:limit] if limit else entries


def shown_to(user, target, can_see) -> list[JournalEntry]:
    """The latest entries, each with its wording, if `can_see(user, target)`."""
    if not can_see(user, target):
        return []
    entries = list(entries_for(target))
    for entry in entries:
        entry.wording = wording(entry)
    return entries


def wording(entry: JournalEntry) -> str:
    return str(ACTIONS.get(entry.action, entry.action))


def as_rows(target) -> list[dict]:
    """The journal for an export: oldest first, plain values."""
    return [
        {"at": e.at.isoformat(), "who": e.actor_name, "action": e.action, "what": wording(e), "detail": e.detail}
        for e in entries_for(target, limit=None).order_by("at", "pk")
    ]
