"""The facilitator's side of an online phase: setting it up, the
participation dashboard, invitations, exclusion, publishing, the poster."""

from datetime import timedelta

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from abaque.live.address import qr_svg
from abaque.meetings.access import get_meeting, get_participant
from abaque.meetings.ballots import anonymise
from abaque.meetings.language import in_meeting_language
from abaque.meetings.models import Participant, Round
from abaque.meetings.rounds import open_round

from .. import registration
from ..dashboard import participation
from ..forms import InviteForm, PhaseForm
from ..invitations import invite, parse_addresses
from ..models import OnlinePhase


def _phase(meeting) -> OnlinePhase | None:
    return OnlinePhase.objects.filter(meeting=meeting).first()


def public_url(request, phase) -> str:
    return request.build_absolute_uri(reverse("online:consult", args=[phase.slug]))


def setup(request, meeting_id):
    meeting = get_meeting(request, meeting_id, for_change=True)
    phase = _phase(meeting)
    if phase is None:
        phase = OnlinePhase(meeting=meeting)
        with in_meeting_language(meeting):  # the participants read it, in the séance's language
            phase.purpose = str(phase.purpose)
    now = timezone.localtime().replace(second=0, microsecond=0)
    initial = {
        "opens_at": timezone.localtime(meeting.online_opens_at) if meeting.online_opens_at else now,
        "closes_at": timezone.localtime(meeting.online_closes_at)
        if meeting.online_closes_at
        else now + timedelta(days=14),
        "anonymous": meeting.is_anonymous or phase.pk is None,
        "proposals": meeting.phone_items,
    }
    form = PhaseForm(request.POST or None, instance=phase, initial=initial)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            _save(request, meeting, form)
        messages.success(request, _("La consultation en ligne est enregistrée."))
        return redirect("online:dashboard", meeting.pk)
    return render(request, "online/setup.html", {"meeting": meeting, "tab": "online", "form": form, "phase": phase})


def _save(request, meeting, form):
    phase = form.save(commit=False)
    phase.meeting = meeting
    phase.base_url = request.build_absolute_uri("/")
    meeting.online_closes_at = form.cleaned_data["closes_at"]
    if not phase.retention_until:
        phase.retention_until = phase.default_retention()
    phase.save()
    meeting.online_opens_at = form.cleaned_data["opens_at"]
    meeting.online_closes_at = form.cleaned_data["closes_at"]
    meeting.phone_items = form.cleaned_data["proposals"]
    meeting.collect_categories = phase.ask_category or meeting.collect_categories
    fields = ["online_opens_at", "online_closes_at", "phone_items", "collect_categories", "updated_at"]
    wants_anonymous = form.cleaned_data["anonymous"]
    if wants_anonymous != meeting.is_anonymous and not meeting.has_votes:  # the mode is fixed once votes exist
        meeting.mode = meeting.Mode.ANONYMOUS if wants_anonymous else meeting.Mode.NOMINATIVE
        fields.append("mode")
    meeting.save(update_fields=fields)
    if "mode" in fields and meeting.is_anonymous:
        anonymise(meeting)
    meeting.ensure_first_round()
    round_ = meeting.current_round()
    if round_.status == Round.Status.PREPARING:  # online participants vote in the séance's round
        open_round(round_)


def dashboard(request, meeting_id):
    meeting = get_meeting(request, meeting_id, for_change=True)  # it names and excludes participants
    phase = _phase(meeting)
    if phase is None:
        return redirect("online:setup", meeting.pk)
    url = public_url(request, phase)
    online = meeting.participants.filter(origin=Participant.Origin.ONLINE)
    context = {
        "meeting": meeting,
        "tab": "online",
        "phase": phase,
        "public_url": url,
        "qr": qr_svg(url),
        "stats": participation(phase),
        "online_participants": online,
        "invite_form": InviteForm(),
        "is_open": phase.is_open(),
        "now": timezone.now(),
    }
    return render(request, "online/dashboard.html", context)


@require_POST
def invite_view(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    phase = _phase(meeting)
    if phase is None:
        return redirect("online:setup", meeting.pk)
    form = InviteForm(request.POST)
    pasted, bad = parse_addresses(form.data.get("addresses", "")[:200_000])
    n = invite(phase, pasted)
    if bad:
        messages.error(request, _("Ces lignes ne sont pas des adresses : %(lines)s") % {"lines": ", ".join(bad[:10])})
    messages.success(
        request,
        ngettext(
            "%(n)d invitation ajoutée : elle part dès l'ouverture de la consultation.",
            "%(n)d invitations ajoutées : elles partent dès l'ouverture de la consultation.",
            n,
        )
        % {"n": n},
    )
    return redirect("online:dashboard", meeting.pk)


@require_POST
def publish(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    phase = _phase(meeting)
    if phase is None:
        return redirect("online:setup", meeting.pk)
    phase.results_published = not request.POST.get("unpublish")
    phase.save(update_fields=["results_published"])
    messages.success(
        request, _("Résultats publiés.") if phase.results_published else _("Résultats retirés de la page publique.")
    )
    return redirect("online:dashboard", meeting.pk)


@require_POST
def exclude(request, meeting_id, participant_id):
    meeting = get_meeting(request, meeting_id)
    phase = _phase(meeting)
    participant = get_participant(meeting, participant_id)
    if phase is None or participant.origin != Participant.Origin.ONLINE:
        return redirect("online:dashboard", meeting.pk)
    registration.exclude(phase, participant)
    messages.success(request, _("Participant exclu : ses votes sont retirés de la matrice."))
    return redirect("online:dashboard", meeting.pk)


def poster(request, meeting_id):
    meeting = get_meeting(request, meeting_id)
    phase = _phase(meeting)
    if phase is None:
        return redirect("online:setup", meeting.pk)
    url = public_url(request, phase)
    return render(
        request, "online/poster.html", {"meeting": meeting, "phase": phase, "public_url": url, "qr": qr_svg(url)}
    )
