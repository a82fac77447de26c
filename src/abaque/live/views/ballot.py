"""The phone ballot at /b/<token>/ and its two JSON endpoints (a contract
with the benchmark: keep their shapes). Every endpoint finds the participant
from the token only, so a phone reaches nothing but its own votes."""

import json

from django.db import transaction
from django.db.models import Max
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_GET, require_POST

from abaque.live.notify import meeting_changed
from abaque.meetings.models import Item, Round, Vote
from abaque.meetings.votes import VoteRefused, cast_vote

from .. import voter
from ..progress import phone_state

NOT_OPEN = {
    Round.Status.PREPARING: "Le vote n'est pas encore ouvert : votre vote n'a pas été enregistré.",
    Round.Status.CLOSED: "Le vote est clos : votre vote n'a pas été enregistré.",
}
ITEM_MAX_LENGTH = Item._meta.get_field("text").max_length


def _ballot_page(request, participant, status=200, **extra):
    meeting = participant.meeting
    context = {
        "meeting": meeting,
        "participant": participant,
        "label": None if meeting.is_anonymous else participant.name,  # their own name, on their own phone
        "state": phone_state(participant),
        "levels": [{"code": lv.code, "label": lv.label, "symbol": lv.symbol, "name": lv.name} for lv in meeting.levels],
        "item_max_length": ITEM_MAX_LENGTH,
        **extra,
    }
    return voter.bind(render(request, "live/ballot.html", context, status=status), participant)


@ensure_csrf_cookie
def ballot(request, token):
    participant = voter.participant_for(token)
    voter.mark_claimed(participant)
    return _ballot_page(request, participant, proposed=request.GET.get("proposition") == "ok")


@require_GET
def state(request, token):
    return JsonResponse(phone_state(voter.participant_for(token)))


def _refuse(message):
    return JsonResponse({"error": message}, status=409)


@require_POST
def vote(request, token):
    """{"round": n, "item": id, "code": "VG"|…|""} → 200 once committed."""
    participant = voter.participant_for(token)
    try:
        body = json.loads(request.body)
        number, item_id, code = int(body["round"]), int(body["item"]), str(body.get("code") or "")
    except (ValueError, TypeError, KeyError):
        return JsonResponse({"error": "Requête illisible : rechargez la page."}, status=400)
    meeting = participant.meeting
    round_ = meeting.rounds.filter(number=number).first()
    item = meeting.items.filter(pk=item_id).first()
    if round_ is None or item is None:
        return _refuse("Ce vote ne correspond pas à la séance en cours : rechargez la page.")
    if round_.status != Round.Status.OPEN:
        return _refuse(NOT_OPEN[round_.status])
    try:
        stored = cast_vote(round_, item, participant, code, Vote.Source.PHONE)
    except VoteRefused as refusal:
        return _refuse(str(refusal))
    meeting_changed(meeting.pk, "votes")
    return JsonResponse({"ok": True, "round": number, "item": item_id, "code": stored.code if stored else ""})


@ensure_csrf_cookie
@require_POST
def propose(request, token):
    """An item typed on a phone, waiting for the facilitator to accept it."""
    participant = voter.participant_for(token)
    meeting = participant.meeting
    text = " ".join(request.POST.get("text", "").split())
    error = ""
    if not meeting.phone_items:
        error = "L'animateur n'a pas ouvert les propositions depuis les téléphones."
    elif not text:
        error = "Écrivez votre proposition avant de l'envoyer."
    elif len(text) > ITEM_MAX_LENGTH:
        error = f"Votre proposition dépasse {ITEM_MAX_LENGTH} caractères : raccourcissez-la."
    if error:  # shown on the ballot, with what was typed kept
        return _ballot_page(request, participant, status=400, proposal=text, proposal_error=error)
    with transaction.atomic():
        Item.objects.create(
            meeting=meeting, text=text, author=participant, status=Item.Status.PENDING,
            position=(meeting.items.aggregate(m=Max("position"))["m"] or 0) + 1,
        )
        meeting_changed(meeting.pk, "items")
    return redirect(reverse("live:ballot", args=[token]) + "?proposition=ok")
