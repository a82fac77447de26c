"""Joining from a phone: type the séance code (or scan the QR code), then tap
one's own name, which binds it to this phone; in an anonymous séance, take
a ballot. The code lets phones in only while the séance is open to joining
(Meeting.join_open); printed cards carry their own token and need no code."""

import re

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from abaque import throttle
from abaque.meetings.language import in_meeting_language
from abaque.meetings.models import JOIN_CODE_LENGTH, MIN_CATEGORY_GROUP, Meeting, Participant

from .. import voter


def _normalise(code: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", (code or "").upper())


def _guess_wait(request, code):
    """Seconds to wait before trying a code: wrong codes are counted per
    address and per code tried, right ones never (a whole room shares one
    address and joins at once)."""
    return max(
        throttle.retry_after(throttle.JOIN_WRONG_PER_IP, throttle.client_ip(request)),
        throttle.retry_after(throttle.JOIN_WRONG_PER_CODE, code),
    )


def _wrong_guess(request, code):
    throttle.record(throttle.JOIN_WRONG_PER_IP, throttle.client_ip(request))
    throttle.record(throttle.JOIN_WRONG_PER_CODE, code)


def _too_many(request, typed=""):
    wait = _guess_wait(request, _normalise(typed))
    context = {"typed": typed, "error": throttle.wait_message(wait), "mine": None, "code_length": JOIN_CODE_LENGTH}
    return render(request, "live/join.html", context, status=429)


def _meeting_for_code(request, join_code, **filters):
    """The séance of a code typed in a URL, counted as a guess when wrong."""
    code = _normalise(join_code)
    meeting = Meeting.objects.filter(join_code=code, **filters).first()
    if meeting is None:
        _wrong_guess(request, code)
        raise Http404(_("Aucune séance ne porte ce code."))
    return meeting


@login_not_required
def join(request):
    """/rejoindre/: the code shown on the screen. GET with ?code= so that
    the page works without any script on the oldest phones."""
    typed = request.GET.get("code", "")
    error = ""
    if typed:
        code = _normalise(typed)
        if _guess_wait(request, code):
            return _too_many(request, typed)
        if Meeting.objects.filter(join_code=code).exists():
            return redirect("live:names", code)  # which says if joining has closed
        error = (
            _("Le code a %(n)d caractères : vérifiez-le sur l'écran.") % {"n": JOIN_CODE_LENGTH}
            if len(code) != JOIN_CODE_LENGTH
            else _("Aucune séance ne porte ce code : vérifiez-le sur l'écran.")
        )
        _wrong_guess(request, code)
    context = {
        "typed": typed,
        "error": error,
        "mine": voter.cookie_participant(request),
        "code_length": JOIN_CODE_LENGTH,
    }
    return render(request, "live/join.html", context, status=400 if error else 200)


CLOSED = gettext_noop(
    "L'accès par code à cette séance est fermé. Si vous avez une carte de vote, scannez son QR code ;"
    " sinon, demandez à l'animateur."
)
TAKEN = gettext_noop(
    "« %(name)s » est déjà pris par un autre téléphone. Si c'est bien vous, demandez à l'animateur de libérer votre nom."
)
NO_BALLOT_LEFT = gettext_noop("Plus aucun bulletin n'est disponible : demandez à l'animateur.")


def _names_page(request, meeting, error="", status=200, **values):
    """The séance's page of names, in the séance's language; `error` is a
    French msgid, translated here with its `values`."""
    with in_meeting_language(meeting):
        return _render_names(request, meeting, _(error) % values if error else "", status)


def _render_names(request, meeting, error, status):
    mine = voter.cookie_participant(request, meeting)
    is_open = meeting.join_open
    anonymous = meeting.is_anonymous
    context = {
        "meeting": meeting,
        # Never a name once joining closed, and never in an anonymous séance.
        "participants": meeting.participants.all() if is_open and not anonymous else [],
        "join_open": is_open,
        "mine": mine,
        "error": error or ("" if is_open else _(CLOSED)),
        "categories": Participant.Category.choices if anonymous and meeting.collect_categories else [],
        "min_group": MIN_CATEGORY_GROUP,
    }
    return render(request, "live/names.html", context, status=status if is_open else 403)


@login_not_required
def names(request, join_code):
    """/s/<code>/: the names of the séance; a phone already bound goes on to
    its ballot (scanning the QR code again must not ask twice)."""
    if _guess_wait(request, _normalise(join_code)):
        return _too_many(request, join_code)
    meeting = _meeting_for_code(request, join_code)
    mine = voter.cookie_participant(request, meeting)
    if mine and not request.GET.get("changer"):
        return redirect("live:ballot", mine.token)
    return _names_page(request, meeting)


@login_not_required
@require_POST
def take_name(request, join_code, participant_id):
    if _guess_wait(request, _normalise(join_code)):
        return _too_many(request, join_code)
    meeting = _meeting_for_code(request, join_code, mode=Meeting.Mode.NOMINATIVE)
    if not meeting.join_open:
        return _names_page(request, meeting)
    participant = get_object_or_404(meeting.participants, pk=participant_id)
    if not voter.claim(participant, request.COOKIES.get(voter.COOKIE)):
        return _names_page(request, meeting, TAKEN, status=409, name=participant.name)
    return voter.bind(redirect("live:ballot", participant.token), participant)


@login_not_required
@require_POST
def take_place(request, join_code):
    """Anonymous séances show no names: the phone takes a ballot."""
    if _guess_wait(request, _normalise(join_code)):
        return _too_many(request, join_code)
    meeting = _meeting_for_code(request, join_code, mode=Meeting.Mode.ANONYMOUS)
    participant = voter.cookie_participant(request, meeting)
    if participant is None:
        if not meeting.join_open:
            return _names_page(request, meeting)
        category = request.POST.get("category", "")
        participant = voter.take_ballot(meeting, category if category in Participant.Category.values else "")
    if participant is None:
        return _names_page(request, meeting, NO_BALLOT_LEFT, status=409)
    return voter.bind(redirect("live:ballot", participant.token), participant)
