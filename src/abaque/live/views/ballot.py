"""The phone ballot at /b/<token>/ and its two JSON endpoints (a contract
with the benchmark: keep their shapes). Every endpoint finds the participant
from the token only, so a phone reaches nothing but its own votes."""

from django.contrib.auth.decorators import login_not_required
from django.db import transaction
from django.db.models import Max
from django.http import JsonResponse
from django.http.request import RawPostDataException
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_GET, require_POST

from abaque import throttle
from abaque.meetings.language import in_meeting_language
from abaque.meetings.models import Item
from abaque.meetings.notify import meeting_changed
from abaque.meetings.vote_batch import store_phone_votes

from .. import fast_vote, vote_limits, voter
from ..progress import phone_state

ITEM_MAX_LENGTH = Item._meta.get_field("text").max_length


def _ballot_page(request, participant, status=200, **extra):
    meeting = participant.meeting
    language = meeting.language
    context = {
        "meeting": meeting,
        "participant": participant,
        "label": None if meeting.is_anonymous else participant.name,  # their own name, on their own phone
        "state": phone_state(participant),
        "levels": [
            {"code": lv.code, "label": lv.label_in(language), "symbol": lv.symbol, "name": lv.name_in(language)}
            for lv in meeting.levels
        ],
        "item_max_length": ITEM_MAX_LENGTH,
        **extra,
    }
    with in_meeting_language(meeting):  # the page and its scripts' catalogue
        return voter.bind(render(request, "live/ballot.html", context, status=status), participant)


@login_not_required
@ensure_csrf_cookie
def ballot(request, token):
    participant = voter.participant_for(token)
    voter.mark_claimed(participant)
    return _ballot_page(request, participant, proposed=request.GET.get("proposition") == "ok")


@login_not_required
@require_GET
def state(request, token):
    return JsonResponse(phone_state(voter.participant_for(token)))


@login_not_required
@require_POST
def vote(request, token):
    """{"round": n, "item": id, "code": "VG"|…|""} → 200 once committed.

    Under `abaque serve` the ASGI app answers this URL itself (fast_vote):
    this view serves the same contract through Django's stack, for the test
    client and for WSGI deployments, with the same parsing and the same
    batch function, on a batch of one."""
    address = throttle.client_ip(request)
    if refusal := vote_limits.refusal(address):
        return _vote_answer(token, *refusal)
    try:
        phone_vote = fast_vote.parse(token, request.body)
    except RawPostDataException:  # a form post: its fields were read already
        return _vote_answer(token, 400, {"error": fast_vote.BAD_REQUEST})
    except ValueError as error:
        return _vote_answer(token, 400, {"error": str(error)})
    outcome = store_phone_votes([phone_vote])[0]
    vote_limits.note(address, outcome.status)
    if outcome.status == 200:
        meeting_changed(outcome.meeting_id, "votes")
    return _vote_answer(token, outcome.status, outcome.body)


def _vote_answer(token, status, answer):
    return JsonResponse(fast_vote.refusal_for_phone(token, status, answer), status=status)


@login_not_required
@ensure_csrf_cookie
@require_POST
def propose(request, token):
    """An item typed on a phone, waiting for the facilitator to accept it."""
    participant = voter.participant_for(token)
    meeting = participant.meeting
    text = " ".join(request.POST.get("text", "").split())
    error = ""
    with in_meeting_language(meeting):  # read on the phone
        if not meeting.phone_items:
            error = _("L'animateur n'a pas ouvert les propositions depuis les téléphones.")
        elif not text:
            error = _("Écrivez votre proposition avant de l'envoyer.")
        elif len(text) > ITEM_MAX_LENGTH:
            error = _("Votre proposition dépasse %(n)d caractères : raccourcissez-la.") % {"n": ITEM_MAX_LENGTH}
        wait = 0 if error else throttle.retry_after(throttle.PROPOSALS_PER_TOKEN, token)
        if error or wait:  # shown on the ballot, with what was typed kept
            error = error or str(throttle.wait_message(wait))
    if error:
        return _ballot_page(request, participant, status=429 if wait else 400, proposal=text, proposal_error=error)
    throttle.record(throttle.PROPOSALS_PER_TOKEN, token)
    with transaction.atomic():
        Item.objects.create(
            meeting=meeting,
            text=text,
            author=participant,
            status=Item.Status.PENDING,
            position=(meeting.items.aggregate(m=Max("position"))["m"] or 0) + 1,
        )
        meeting_changed(meeting.pk, "items")
    return redirect(reverse("live:ballot", args=[token]) + "?proposition=ok")
