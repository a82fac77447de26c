"""The vote grid: the facilitator types the paper colour cards of the room,
driven by the keyboard, each cell saved at once."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from abaque import scale
from abaque.accounts.journal import record
from abaque.meetings.notify import meeting_changed, vote_changed_for

from ..access import get_meeting, get_round
from ..matrix import round_matrix
from ..models import Item, Participant, Vote
from ..numbering import numbered
from ..rounds import sync_open_round
from ..votes import PhoneVoteKept, VoteRefused, cast_vote


def vote_grid(request, meeting_id, number):
    meeting = get_meeting(request, meeting_id, for_change=True)
    if number == 1:
        sync_open_round(meeting)
    round_ = get_round(meeting, number)
    matrix = round_matrix(round_)
    # Where each vote came from: a phone, or a card typed here.
    sources = {
        (item_id, participant_id): source
        for item_id, participant_id, source in Vote.objects.filter(round=round_).values_list(
            "item_id", "participant_id", "source"
        )
    }
    rows = [
        (
            entry,
            [
                (participant, code, sources.get((entry.item_id, participant.pk), ""))
                for participant, code in zip(matrix.participants, codes)
            ],
        )
        for entry, codes in zip(numbered(meeting, matrix.items), matrix.codes)
    ]
    context = {
        "meeting": meeting,
        "tab": "grid",
        "round": round_,
        "rounds": meeting.rounds.all(),
        "matrix": matrix,
        "labels": matrix.participant_labels(),
        "rows": rows,
        "levels": meeting.levels,
        # What the keyboard script needs, derived from scale.py.
        "grid_levels": {
            lv.key: {"code": lv.code, "symbol": lv.symbol, "label": lv.label_in(get_language())}
            for lv in meeting.levels
        },
    }
    return render(request, "meetings/grid.html", context)


@require_POST
def grid_vote(request, meeting_id, number):
    meeting = get_meeting(request, meeting_id)
    round_ = get_round(meeting, number)
    try:
        item = meeting.items.get(pk=int(request.POST.get("item", "")))
        participant = meeting.participants.get(pk=int(request.POST.get("participant", "")))
    except (ValueError, Item.DoesNotExist, Participant.DoesNotExist):
        return JsonResponse({"error": _("Item ou participant inconnu dans cette séance.")}, status=404)
    before = Vote.objects.filter(round=round_, item=item, participant=participant).values_list("source", flat=True)
    was_phone = before.first() == Vote.Source.PHONE
    try:
        vote = cast_vote(
            round_,
            item,
            participant,
            request.POST.get("code", ""),
            Vote.Source.GRID,
            require_open=True,
            replace_phone=request.POST.get("confirm") == "1",
        )
    except PhoneVoteKept as kept:
        # The grid asks the facilitator first; the phone's colour comes back.
        return JsonResponse({"error": str(kept), "confirm": True, **_cell(kept.code, Vote.Source.PHONE)}, status=409)
    except VoteRefused as refusal:
        return JsonResponse({"error": str(refusal)}, status=409)
    # An anonymous séance keeps no trace of whose vote changed, nor of its colour.
    who = "" if meeting.is_anonymous else f"{participant.name} · {vote.code if vote else _('effacé')} · "
    record(request.user, meeting, "grid_vote", f"{who}{item.text[:80]}")
    meeting_changed(meeting.pk, "votes")
    if was_phone and (vote is None or vote.source == Vote.Source.GRID):
        vote_changed_for(participant.pk)  # the phone shows the new colour at once
    return JsonResponse(_cell(vote.code if vote else "", vote.source if vote else ""))


def _cell(code, source):
    level = scale.BY_CODE.get(code)
    return {"code": code, "symbol": level.symbol if level else "", "source": source if code else ""}
