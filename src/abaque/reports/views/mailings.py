"""Sending the compte-rendu: the e-mail's preview, the sending, each
recipient's outcome and the retry of a failed delivery."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from abaque.accounts.journal import record
from abaque.meetings.access import get_meeting

from ..forms import MailingForm
from ..mailing import (
    attachment_names,
    create_mailing,
    default_body,
    default_subject,
    mail_server,
    retry,
    send,
    send_pending,
)
from ..models import Delivery, Mailing


def get_mailing(meeting, mailing_id) -> Mailing:
    return get_object_or_404(Mailing, pk=mailing_id, meeting=meeting)


def mailing_new(request, meeting_id):
    meeting = get_meeting(request, meeting_id, for_change=True)
    initial = {"subject": default_subject(meeting), "body": default_body(meeting)}
    form = MailingForm(request.POST or None, initial=initial)
    server = mail_server()
    if request.method == "POST" and not server.ok:
        messages.error(request, _("Rien n'a été envoyé : %(problem)s") % {"problem": server.problem})
    elif request.method == "POST" and form.is_valid():
        mailing = create_mailing(meeting, **form.cleaned_data)
        send_pending(mailing)
        n = mailing.deliveries.count()
        record(
            request.user, meeting, "report_sent", ngettext("%(n)d destinataire", "%(n)d destinataires", n) % {"n": n}
        )
        _summarise(request, mailing)
        return redirect("reports:mailing", meeting.pk, mailing.pk)
    participants = list(meeting.participants.all())
    context = {
        "meeting": meeting,
        "tab": "report",
        "server": server,
        "form": form,
        "with_address": [p for p in participants if p.email],
        "without_address": [p for p in participants if not p.email],
        "optional_names": dict(zip(("odt", "xlsx"), attachment_names(["odt", "xlsx"], meeting))),
        "pdf_name": attachment_names(["pdf"], meeting)[0],
    }
    return render(request, "reports/mailing_form.html", context)


def _summarise(request, mailing):
    counts = {status: mailing.deliveries.filter(status=status).count() for status in Delivery.Status.values}
    sent, failed = counts[Delivery.Status.SENT], counts[Delivery.Status.FAILED]
    if failed:
        messages.error(
            request,
            ngettext("%(n)d envoi réussi", "%(n)d envois réussis", sent) % {"n": sent}
            + ngettext(
                ", %(n)d en échec : vous pouvez réessayer ci-dessous.",
                ", %(n)d en échec : vous pouvez réessayer ci-dessous.",
                failed,
            )
            % {"n": failed},
        )
    elif sent:
        messages.success(
            request,
            ngettext("Compte-rendu envoyé à %(n)d participant.", "Compte-rendu envoyé à %(n)d participants.", sent)
            % {"n": sent},
        )
    else:
        messages.warning(request, _("Aucun participant n'a d'adresse e-mail : rien n'a été envoyé."))


def mailing_detail(request, meeting_id, mailing_id):
    meeting = get_meeting(request, meeting_id, for_change=True)
    mailing = get_mailing(meeting, mailing_id)
    context = {
        "meeting": meeting,
        "tab": "report",
        "mailing": mailing,
        "deliveries": mailing.deliveries.all(),
        "n_failed": mailing.deliveries.filter(status=Delivery.Status.FAILED).count(),
        "attachments": mailing.attachments.values_list("name", flat=True),
    }
    return render(request, "reports/mailing_detail.html", context)


@require_POST
def delivery_retry(request, meeting_id, mailing_id, delivery_id):
    meeting = get_meeting(request, meeting_id)
    mailing = get_mailing(meeting, mailing_id)
    delivery = get_object_or_404(Delivery, pk=delivery_id, mailing=mailing)
    if delivery.status != Delivery.Status.FAILED:
        messages.info(request, _("L'envoi à %(name)s n'est pas en échec.") % {"name": delivery.name})
    else:
        retry(delivery)
        if delivery.status == Delivery.Status.SENT:
            messages.success(
                request,
                _("Compte-rendu envoyé à %(name)s (%(email)s).") % {"name": delivery.name, "email": delivery.email},
            )
        else:
            messages.error(
                request, _("Nouvel échec pour %(name)s : %(error)s") % {"name": delivery.name, "error": delivery.error}
            )
    return redirect("reports:mailing", meeting.pk, mailing.pk)


@require_POST
def mailing_retry_failed(request, meeting_id, mailing_id):
    """Every failed delivery again, over one connection: after the server is back."""
    meeting = get_meeting(request, meeting_id)
    mailing = get_mailing(meeting, mailing_id)
    send(mailing, mailing.deliveries.filter(status=Delivery.Status.FAILED))
    _summarise(request, mailing)
    return redirect("reports:mailing", meeting.pk, mailing.pk)
