"""The facilitator's controls of the live séance: open and close the vote,
follow it, reveal the results on the projector, free a phone's name."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from abaque.accounts.journal import record
from abaque.meetings.access import get_meeting, get_participant
from abaque.meetings.models import Meeting
from abaque.meetings.notify import meeting_changed
from abaque.meetings.rounds import close_round, open_round

from ..progress import round_counts, round_progress

REOPEN_WARNING = (
    "Ce tour est clos et ses résultats ont pu être vus. Le rouvrir permet de changer des votes après coup : "
    "la réouverture sera notée dans le compte-rendu. Rouvrir quand même ?"
)


def _panel(request, meeting, status=200):
    round_ = meeting.current_round() or meeting.ensure_first_round()
    participants = list(meeting.participants.all())
    progress = round_progress(meeting)
    context = {
        "meeting": meeting,
        "round": round_,
        "n_items": round_.round_items.count(),
        "progress": progress,
        "finished": round_counts(round_)[1],
        "participants": participants,
        "n_claimed": sum(p.is_claimed for p in participants),
        "reopen_warning": REOPEN_WARNING,
        "orderings": Meeting.Ordering.choices,
        "tab": "live",
        # The overview page embeds this panel: its buttons come back there.
        "next": request.GET.get("next") or request.POST.get("next", ""),
    }
    template = "live/_controls_panel.html" if request.htmx else "live/controls.html"
    return render(request, template, context, status=status)


def _done(request, meeting, topic, message="", level=messages.SUCCESS):
    """After a change: tell the screens, then show the panel again."""
    meeting_changed(meeting.pk, topic)
    if message:
        messages.add_message(request, level, message)
    if request.htmx:
        return _panel(request, meeting)
    # Back to the page the button was on: the séance overview, the grid or this panel.
    after = request.POST.get("next")
    if after == "grid":
        return redirect("meetings:grid", meeting.pk, (meeting.current_round() or meeting.ensure_first_round()).number)
    return redirect("meetings:detail" if after == "detail" else "live:controls", meeting.pk)


def controls(request, meeting_id):
    return _panel(request, get_meeting(request, meeting_id, for_change=True))


@require_POST
def open_vote(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    with transaction.atomic():
        round_ = meeting.current_round() or meeting.ensure_first_round()
        has_items = meeting.active_items().exists() if round_.number == 1 else round_.round_items.exists()
        if not has_items:
            return _done(request, meeting, "round", "Ajoutez au moins un item avant d'ouvrir le vote.", messages.ERROR)
        if round_.is_closed and request.POST.get("confirm") != "1":
            return _done(request, meeting, "round", REOPEN_WARNING + " (confirmez pour rouvrir)", messages.WARNING)
        reopening = round_.is_closed
        open_round(round_)
        record(request.user, meeting, "round_reopened" if reopening else "round_opened", f"tour {round_.number}")
        return _done(request, meeting, "round", f"Le vote du tour {round_.number} est ouvert.")


@require_POST
def close_vote(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    with transaction.atomic():
        round_ = meeting.current_round()
        if round_ is None or round_.status != round_.Status.OPEN:
            return _done(request, meeting, "round", "Aucun vote n'est ouvert.", messages.WARNING)
        close_round(round_)
        record(request.user, meeting, "round_closed", f"tour {round_.number}")
        return _done(request, meeting, "round", f"Le vote du tour {round_.number} est clos.")


@require_POST
def join_access(request, meeting_id):
    """Close (open=0) or reopen the door of the 6-character code."""
    meeting = get_meeting(request, meeting_id)
    is_open = request.POST.get("open") == "1"
    meeting.join_access = Meeting.JoinAccess.OPEN if is_open else Meeting.JoinAccess.CLOSED
    meeting.save(update_fields=["join_access", "updated_at"])
    text = (
        "L'accès par code est rouvert."
        if is_open
        else "L'accès par code est fermé : seuls les téléphones déjà liés et les cartes imprimées votent."
    )
    return _done(request, meeting, "participants", text)


@require_POST
def reveal(request, meeting_id):
    """Show (show=1) or hide the results on the projector."""
    meeting = get_meeting(request, meeting_id)
    meeting.results_revealed = request.POST.get("show") == "1"
    meeting.save(update_fields=["results_revealed", "updated_at"])
    return _done(request, meeting, "results")


@require_POST
def set_ordering(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    choice = request.POST.get("ordering")
    if choice not in Meeting.Ordering.values:
        return _done(request, meeting, "results", "Ordre inconnu : choisissez dans la liste.", messages.ERROR)
    meeting.ordering = choice
    meeting.save(update_fields=["ordering", "updated_at"])
    return _done(request, meeting, "results")


@require_POST
def release(request, meeting_id, participant_id):
    """Free a name taken by the wrong phone; the old link stops working."""
    meeting = get_meeting(request, meeting_id)
    participant = get_participant(meeting, participant_id)
    participant.release()
    return _done(
        request,
        meeting,
        "participants",
        f"Le nom de {participant.name} est libre : il peut être repris par un autre téléphone.",
    )
