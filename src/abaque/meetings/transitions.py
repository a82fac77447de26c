"""The séance's moves, one named function each: open the vote (or reopen
it), close it, show or hide the results, choose their order, open or close
the join code, free a phone's name, start a new round.

Each checks that the move is allowed now (else raises Refused with a French
message for the facilitator), changes the state, and tells the screens
through the notifier. Views only read the request and show the outcome; the
debate's own moves are in debate/transitions.py."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Item, Meeting, Participant, Round
from .notify import meeting_changed
from .rounds import close_round, new_round, open_round

REOPEN_WARNING = gettext_lazy(
    "Ce tour est clos et ses résultats ont pu être vus. Le rouvrir permet de changer des votes après coup : "
    "la réouverture sera notée dans le compte-rendu. Rouvrir quand même ?"
)


class Refused(Exception):
    """A move not allowed now. `warning`: nothing is wrong, the move is only
    pointless or needs a confirmation."""

    def __init__(self, message: str, warning: bool = False):
        super().__init__(message)
        self.message = message
        self.warning = warning


@transaction.atomic
def open_vote(meeting: Meeting, reopen: bool = False) -> Round:
    """Open the current round; a closed one only with `reopen` (its results
    may have been seen: the reopening is traced)."""
    round_ = meeting.current_round() or meeting.ensure_first_round()
    has_items = meeting.active_items().exists() if round_.number == 1 else round_.round_items.exists()
    if not has_items:
        raise Refused(_("Ajoutez au moins un item avant d'ouvrir le vote."))
    if round_.is_closed and not reopen:
        raise Refused(_("%(warning)s (confirmez pour rouvrir)") % {"warning": REOPEN_WARNING}, warning=True)
    open_round(round_)
    meeting_changed(meeting.pk, "round")
    return round_


@transaction.atomic
def close_vote(meeting: Meeting) -> Round:
    round_ = meeting.current_round()
    if round_ is None or round_.status != Round.Status.OPEN:
        raise Refused(_("Aucun vote n'est ouvert."), warning=True)
    close_round(round_)
    meeting_changed(meeting.pk, "round")
    return round_


def reveal_results(meeting: Meeting, show: bool) -> None:
    """Show or hide the results on the projector."""
    meeting.results_revealed = show
    meeting.save(update_fields=["results_revealed", "updated_at"])
    meeting_changed(meeting.pk, "results")


def show_groups(meeting: Meeting, shown: bool) -> None:
    """Project the opinion groups with the results, or stop."""
    meeting.projector_groups = shown
    meeting.save(update_fields=["projector_groups", "updated_at"])
    meeting_changed(meeting.pk, "results")


def order_results(meeting: Meeting, ordering: str | None) -> None:
    if ordering not in Meeting.Ordering.values:
        raise Refused(_("Ordre inconnu : choisissez dans la liste."))
    meeting.ordering = ordering
    meeting.save(update_fields=["ordering", "updated_at"])
    meeting_changed(meeting.pk, "results")


def set_join_access(meeting: Meeting, is_open: bool) -> None:
    """Open or close the door of the 6-character code (printed cards and
    phones already bound vote whatever this says)."""
    meeting.join_access = Meeting.JoinAccess.OPEN if is_open else Meeting.JoinAccess.CLOSED
    meeting.save(update_fields=["join_access", "updated_at"])
    meeting_changed(meeting.pk, "participants")


def release_name(participant: Participant) -> None:
    """Free a name taken by the wrong phone: its old link stops working."""
    participant.release()
    meeting_changed(participant.meeting_id, "participants")


@transaction.atomic
def start_round(meeting: Meeting, items: list[Item], open_now: bool = False) -> Round:
    """A further round on chosen items (the current one closes), opened at
    once if asked."""
    if not items:
        raise Refused(_("Cochez au moins un item pour le nouveau tour."))
    round_ = new_round(meeting, items)
    if open_now:
        open_round(round_)
    meeting_changed(meeting.pk, "round")
    return round_
