"""The public side of a consultation: the information notice and the
registration form, the confirmation link, and the published results. All
of it is in the séance's language, whatever the visitor's browser asks."""

from functools import wraps

from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.csrf import ensure_csrf_cookie

from abaque import throttle
from abaque.analysis.verdict import Verdict
from abaque.live import voter
from abaque.meetings.language import in_meeting_language
from abaque.meetings.matrix import ordered_matrix

from .. import registration
from ..forms import RegistrationForm
from ..models import OnlinePhase

# One home's address registers a family, not a crowd; one address is asked
# for a few times if a message goes astray, not for ever.
REGISTER_PER_IP = throttle.Limit("online-register-ip", 20, 60 * 60)
REGISTER_PER_ADDRESS = throttle.Limit("online-register-address", 5, 60 * 60)


def _public_phase(slug) -> OnlinePhase:
    return get_object_or_404(OnlinePhase.objects.select_related("meeting"), slug=slug, kind=OnlinePhase.Kind.PUBLIC)


def _any_phase(slug) -> OnlinePhase:
    """Results are published for invitation phases too."""
    return get_object_or_404(OnlinePhase.objects.select_related("meeting"), slug=slug)


def in_phase_language(find=_public_phase):
    """The view gets its phase (found by `find` from the slug) and runs in
    its séance's language; the response says which (LocaleMiddleware keeps
    a Content-Language already set)."""

    def decorate(view):
        @wraps(view)
        def run(request, slug, *args, **kwargs):
            phase = find(slug)
            with in_meeting_language(phase.meeting):
                response = view(request, phase, *args, **kwargs)
            response.headers["Content-Language"] = phase.meeting.language
            return response

        return run

    return decorate


@login_not_required
@ensure_csrf_cookie
@in_phase_language()
def consult(request, phase):
    form = RegistrationForm(request.POST or None, phase=phase)
    context = {
        "meeting": phase.meeting,
        "phase": phase,
        "form": form,
        "is_open": phase.is_open(),
        "now": timezone.now(),
    }
    mine = voter.cookie_participant(request, phase.meeting)
    if mine:
        context["mine"] = mine
    if request.method != "POST":
        return render(request, "online/consult.html", context)
    if not form.is_valid():
        return render(request, "online/consult.html", context, status=400)
    email = registration.normalise(form.cleaned_data["email"])
    ip = throttle.client_ip(request)
    wait = max(throttle.retry_after(REGISTER_PER_IP, ip), throttle.retry_after(REGISTER_PER_ADDRESS, email))
    if wait:
        form.add_error(None, throttle.wait_message(wait))
        return render(request, "online/consult.html", context, status=429)
    throttle.record(REGISTER_PER_IP, ip)
    throttle.record(REGISTER_PER_ADDRESS, email)
    try:
        registration.register(
            phase, email, **{k: form.cleaned_data.get(k, "") for k in ("name", "commune", "category")}
        )
    except registration.RegistrationRefused as refused:
        form.add_error(None, str(refused))
        return render(request, "online/consult.html", context, status=409)
    return render(request, "online/registered.html", {"meeting": phase.meeting, "phase": phase, "email": email})


@login_not_required
@in_phase_language()
def confirm(request, phase, token):
    try:
        participant = registration.confirm(phase, token)
    except registration.RegistrationRefused as refused:
        return render(
            request,
            "online/registered.html",
            {"meeting": phase.meeting, "phase": phase, "error": str(refused)},
            status=409,
        )
    return voter.bind(redirect("live:ballot", participant.token), participant)


@login_not_required
@in_phase_language(find=_any_phase)
def results(request, phase):
    meeting = phase.meeting
    context = {"meeting": meeting, "phase": phase}
    round_ = meeting.current_round()
    if not phase.results_published or round_ is None:
        return render(request, "online/results.html", context)
    table = ordered_matrix(meeting, round_, "consensus", "consensus", by_group=True)
    rows = table["rows"]
    for row in rows:
        row["distribution"] = [row["stats"].counts.get(level.code, 0) for level in meeting.levels]
    consensus = [r for r in rows if r["stats"].verdict in (Verdict.CONSENSUS_FOR, Verdict.CONSENSUS_AGAINST)]
    dissensus = [r for r in rows if r["stats"].verdict == Verdict.DISSENSUS]
    others = [r for r in rows if r not in consensus and r not in dissensus]
    context.update(
        table,
        published=True,
        consensus=consensus,
        dissensus=dissensus,
        others=others,
        n_participants=len(table["participants"]),
        levels=meeting.levels,
    )
    return render(request, "online/results.html", context)
