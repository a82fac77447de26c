"""The facilitator's controls of the live séance: open and close the vote,
follow it, reveal the results on the projector, free a phone's name."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from abaque.accounts.journal import record
from abaque.meetings import transitions
from abaque.meetings.access import get_meeting, get_participant
from abaque.meetings.models import Meeting
from abaque.meetings.transitions import REOPEN_WARNING

from ..progress import round_counts, round_progress


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


def _refused(request, meeting, refusal):
    level = messages.WARNING if refusal.warning else messages.ERROR
    return _done(request, meeting, refusal.message, level)


def _done(request, meeting, message="", level=messages.SUCCESS):
    """After a move: show the panel again."""
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
    current = meeting.current_round()
    reopening = current is not None and current.is_closed
    try:
        round_ = transitions.open_vote(meeting, reopen=request.POST.get("confirm") == "1")
    except transitions.Refused as refusal:
        return _refused(request, meeting, refusal)
    record(request.user, meeting, "round_reopened" if reopening else "round_opened", f"tour {round_.number}")
    return _done(request, meeting, _("Le vote du tour %(n)d est ouvert.") % {"n": round_.number})


@require_POST
def close_vote(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    try:
        round_ = transitions.close_vote(meeting)
    except transitions.Refused as refusal:
        return _refused(request, meeting, refusal)
    record(request.user, meeting, "round_closed", f"tour {round_.number}")
    return _done(request, meeting, _("Le vote du tour %(n)d est clos.") % {"n": round_.number})


@require_POST
def join_access(request, meeting_id):
    """Close (open=0) or reopen the door of the 6-character code."""
    meeting = get_meeting(request, meeting_id)
    is_open = request.POST.get("open") == "1"
    transitions.set_join_access(meeting, is_open)
    text = (
        _("L'accès par code est rouvert.")
        if is_open
        else _("L'accès par code est fermé : seuls les téléphones déjà liés et les cartes imprimées votent.")
    )
    return _done(request, meeting, text)


@require_POST
def reveal(request, meeting_id):
    """Show (show=1) or hide the results on the projector."""
    meeting = get_meeting(request, meeting_id)
    transitions.reveal_results(meeting, request.POST.get("show") == "1")
    return _done(request, meeting)


@require_POST
def groups(request, meeting_id):
    """Show (show=1) or hide the opinion groups with the projected results."""
    meeting = get_meeting(request, meeting_id)
    transitions.show_groups(meeting, request.POST.get("show") == "1")
    return _done(request, meeting)


@require_POST
def set_ordering(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    try:
        transitions.order_results(meeting, request.POST.get("ordering"))
    except transitions.Refused as refusal:
        return _refused(request, meeting, refusal)
    return _done(request, meeting)


@require_POST
def release(request, meeting_id, participant_id):
    """Free a name taken by the wrong phone; the old link stops working."""
    meeting = get_meeting(request, meeting_id)
    participant = get_participant(meeting, participant_id)
    transitions.release_name(participant)
    return _done(
        request,
        meeting,
        _("Le nom de %(name)s est libre : il peut être repris par un autre téléphone.") % {"name": participant.name},
    )
