import secrets

from django.contrib import messages
from django.db import transaction
from django.db.models import Max
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from abaque.meetings.notify import meeting_changed

from .. import importing
from ..access import get_meeting, get_participant
from ..ballots import MAX_BALLOTS, add_ballots
from ..forms import ImportForm, ParticipantForm
from ..models import MAX_PARTICIPANTS, Participant
from .ordering import move


def _next_position(meeting) -> int:
    return (meeting.participants.aggregate(m=Max("position"))["m"] or 0) + 1


def participant_list(request, meeting_id):
    meeting = get_meeting(request, meeting_id, for_change=True)
    if meeting.is_anonymous:
        return _ballots(request, meeting)
    form = ParticipantForm(request.POST or None)
    if request.method == "POST" and meeting.participants.count() >= MAX_PARTICIPANTS:
        form.add_error(None, _("Une séance compte %(n)s participants au plus.") % {"n": MAX_PARTICIPANTS})
    if request.method == "POST" and form.is_valid():
        participant = form.save(commit=False)
        participant.meeting = meeting
        participant.position = _next_position(meeting)
        participant.save()
        meeting_changed(meeting.pk, "participants")
        messages.success(request, _("Participant ajouté : %(name)s.") % {"name": participant.name})
        return redirect("meetings:participants", meeting.pk)
    context = {
        "meeting": meeting,
        "tab": "participants",
        "participants": meeting.participants.all(),
        "form": form,
        "import_form": ImportForm(),
    }
    return render(request, "meetings/participants.html", context)


def _no_names(request, meeting):
    messages.error(request, _("La séance est anonyme : ses bulletins ne portent ni nom ni e-mail."))
    return redirect("meetings:participants", meeting.pk)


def _ballots(request, meeting):
    """An anonymous séance has ballots, not people: a number, never names."""
    if request.method == "POST":
        try:
            n = int(request.POST.get("ballots", ""))
        except ValueError:
            n = 0
        if not 1 <= n <= MAX_BALLOTS:
            messages.error(request, _("Indiquez un nombre de bulletins entre 1 et %(n)s.") % {"n": MAX_BALLOTS})
        else:
            made = add_ballots(meeting, n)
            meeting_changed(meeting.pk, "participants")
            messages.success(
                request, ngettext("%(n)d bulletin ajouté.", "%(n)d bulletins ajoutés.", len(made)) % {"n": len(made)}
            )
        return redirect("meetings:participants", meeting.pk)
    participants = list(meeting.participants.all())
    context = {
        "meeting": meeting,
        "tab": "participants",
        "n_ballots": len(participants),
        "n_claimed": sum(p.is_claimed for p in participants),
        "max_ballots": MAX_BALLOTS,
    }
    return render(request, "meetings/ballots.html", context)


def participant_import(request, meeting_id):
    """Paste or upload, see a preview with the rows in error, then confirm."""
    meeting = get_meeting(request, meeting_id, for_change=True)
    if meeting.is_anonymous:
        return _no_names(request, meeting)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method != "POST" or not form.is_valid():
        return render(
            request, "meetings/participant_import.html", {"meeting": meeting, "form": form, "tab": "participants"}
        )
    text = form.cleaned_data["text"]
    if form.cleaned_data.get("file"):
        try:
            text = importing.file_to_text(form.cleaned_data["file"])
        except ValueError as error:
            form.add_error("file", str(error))
            return render(
                request, "meetings/participant_import.html", {"meeting": meeting, "form": form, "tab": "participants"}
            )
    rows = importing.flag_duplicates(importing.parse_text(text), meeting.participants.all())
    good = [row for row in rows if not row.errors]
    fresh = [row for row in good if not row.duplicate]
    confirm = request.POST.get("confirm")
    chosen = good if confirm == "keep" else fresh
    room = MAX_PARTICIPANTS - meeting.participants.count()
    if len(rows) > importing.MAX_IMPORT_ROWS or len(chosen) > room:
        form = ImportForm({"text": text})
        form.is_valid()
        form.add_error(
            None,
            _(
                "Trop de lignes : %(n)s participants au plus peuvent "
                "encore être importés dans cette séance (%(max)s au plus)."
            )
            % {"n": min(importing.MAX_IMPORT_ROWS, max(room, 0)), "max": MAX_PARTICIPANTS},
        )
        return render(
            request, "meetings/participant_import.html", {"meeting": meeting, "form": form, "tab": "participants"}
        )
    if confirm:
        if not _use_once(request, meeting, request.POST.get("once", "")):
            messages.error(
                request,
                _(
                    "Cette liste vient déjà d'être importée (page précédente du navigateur) : rien n'a été importé "
                    "une seconde fois. Vérifiez la liste des participants, ou revoyez l'aperçu pour importer à nouveau."
                ),
            )
            return redirect("meetings:participants", meeting.pk)
    if confirm and chosen:
        _create_participants(meeting, chosen)
        messages.success(
            request,
            ngettext("%(n)d participant importé.", "%(n)d participants importés.", len(chosen)) % {"n": len(chosen)},
        )
        return redirect("meetings:participants", meeting.pk)
    context = {
        "meeting": meeting,
        "tab": "participants",
        "form": ImportForm(initial={"text": text}),
        "rows": rows,
        "n_good": len(good),
        "n_fresh": len(fresh),
        "n_duplicates": len(good) - len(fresh),
        "n_bad": len(rows) - len(good),
        "once": _new_once(request, meeting),
    }
    return render(request, "meetings/participant_import.html", context)


def _once_key(meeting) -> str:
    return f"import-once-{meeting.pk}"


def _new_once(request, meeting) -> str:
    """A one-time token for this preview: the same import cannot be submitted twice."""
    token = secrets.token_urlsafe(16)
    tokens = request.session.get(_once_key(meeting), [])[-9:]
    request.session[_once_key(meeting)] = [*tokens, token]
    return token


def _use_once(request, meeting, token: str) -> bool:
    tokens = request.session.get(_once_key(meeting), [])
    if not token or token not in tokens:
        return False
    tokens.remove(token)
    request.session[_once_key(meeting)] = tokens
    return True


@transaction.atomic
def _create_participants(meeting, rows):
    position = _next_position(meeting)
    Participant.objects.bulk_create(
        Participant(meeting=meeting, name=row.name, category=row.category, email=row.email, position=position + i)
        for i, row in enumerate(rows)
    )
    meeting_changed(meeting.pk, "participants")


def participant_edit(request, meeting_id, participant_id):
    meeting = get_meeting(request, meeting_id, for_change=True)
    if meeting.is_anonymous:
        return _no_names(request, meeting)
    participant = get_participant(meeting, participant_id)
    form = ParticipantForm(request.POST or None, instance=participant)
    if request.method == "POST" and form.is_valid():
        form.save()
        meeting_changed(meeting.pk, "participants")
        messages.success(request, _("Participant enregistré."))
        return redirect("meetings:participants", meeting.pk)
    return render(
        request,
        "meetings/participant_form.html",
        {"meeting": meeting, "participant": participant, "form": form, "tab": "participants"},
    )


def participant_delete(request, meeting_id, participant_id):
    meeting = get_meeting(request, meeting_id, for_change=True)
    participant = get_participant(meeting, participant_id)
    if request.method == "POST":
        participant.delete()
        meeting_changed(meeting.pk, "participants")
        messages.success(
            request, _("Participant retiré de la séance, avec ses votes : %(name)s.") % {"name": participant.name}
        )
        return redirect("meetings:participants", meeting.pk)
    n_votes = participant.votes.count()
    return render(
        request,
        "meetings/participant_confirm_delete.html",
        {"meeting": meeting, "participant": participant, "n_votes": n_votes, "tab": "participants"},
    )


@require_POST
def participant_move(request, meeting_id, participant_id):
    meeting = get_meeting(request, meeting_id)
    move(get_participant(meeting, participant_id), meeting.participants.all(), request.POST.get("direction"))
    meeting_changed(meeting.pk, "participants")
    return redirect("meetings:participants", meeting.pk)
