"""The online phase of a séance: voted from home over days, on invitation
(personal links by e-mail) or in public (registration, e-mail confirmed).

The phase's opening and closing times live on the Meeting itself
(online_opens_at, online_closes_at): the vote rules read them where a vote
is stored, and meetings may not import this app."""

import secrets
from datetime import timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from abaque.meetings.models import Meeting, Participant

RETENTION_DAYS = 180  # default: personal data erased six months after closing


def new_slug() -> str:
    """The public link: unguessable, short enough for a poster's QR code."""
    return secrets.token_urlsafe(9)


def new_confirm_token() -> str:
    return secrets.token_urlsafe(24)


class OnlinePhase(models.Model):
    class Kind(models.TextChoices):
        INVITATION = "invitation", _("Sur invitation (lien personnel par e-mail)")
        PUBLIC = "public", _("Publique (un lien pour tout un territoire)")

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="online")
    kind = models.CharField(_("type de consultation"), max_length=10, choices=Kind, default=Kind.PUBLIC)
    slug = models.CharField(max_length=32, unique=True, default=new_slug, editable=False)
    ask_commune = models.BooleanField(_("demander la commune"), default=True)
    ask_category = models.BooleanField(_("demander la catégorie (élu, habitant…)"), default=True)
    purpose = models.TextField(
        _("pourquoi ces données sont recueillies"),
        default=_("Compter les participations par commune et par catégorie, et vous envoyer votre lien de vote."),
    )
    controller = models.CharField(_("responsable du traitement"), max_length=200, blank=True)
    retention_until = models.DateField(_("données personnelles effacées le"), null=True, blank=True)
    reminder_every_days = models.PositiveSmallIntegerField(_("relance tous les (jours, 0 : jamais)"), default=3)
    max_reminders = models.PositiveSmallIntegerField(_("nombre de relances au plus"), default=2)
    results_published = models.BooleanField(_("résultats publiés"), default=False)
    # The address participants reach, taken from the facilitator's browser:
    # the scheduler writes links in e-mails outside any request.
    base_url = models.CharField(max_length=200, blank=True)
    erased_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("consultation en ligne")

    def __str__(self):
        return gettext("Consultation en ligne de « %(meeting)s »") % {"meeting": self.meeting}

    @property
    def is_public(self) -> bool:
        return self.kind == self.Kind.PUBLIC

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        m = self.meeting
        return bool(m.online_opens_at and m.online_closes_at and m.online_opens_at <= now < m.online_closes_at)

    def default_retention(self):
        closes = self.meeting.online_closes_at or timezone.now()
        return (closes + timedelta(days=RETENTION_DAYS)).date()


class Registration(models.Model):
    """One confirmed (or waiting) e-mail address of a public consultation.
    The address itself is kept only until it is confirmed; what stays is its
    keyed digest, so one address makes one voter. In an anonymous séance the
    registration keeps no link to its participant (the ballot link goes to
    the person's mailbox only)."""

    phase = models.ForeignKey(OnlinePhase, on_delete=models.CASCADE, related_name="registrations")
    email_digest = models.CharField(max_length=64)
    email = models.EmailField(blank=True)
    name = models.CharField(max_length=120, blank=True)
    commune = models.CharField(max_length=120, blank=True)
    category = models.CharField(max_length=12, blank=True)
    # NULL once used: unique among the links still waiting, many may be spent.
    confirm_token = models.CharField(max_length=64, unique=True, null=True, default=new_confirm_token)  # noqa: DJ001
    participant = models.ForeignKey(Participant, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_on = models.DateField(null=True, blank=True)  # the day only: a time would tell who
    excluded = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["phase", "email_digest"], name="one_registration_per_address"),
        ]


class Invitation(models.Model):
    """A personal link sent by e-mail, and its reminders. `sent_at` and
    `reminders_sent` are claimed with a conditional UPDATE before sending,
    so two workers never send the same message."""

    phase = models.ForeignKey(OnlinePhase, on_delete=models.CASCADE, related_name="invitations")
    participant = models.OneToOneField(Participant, on_delete=models.CASCADE, related_name="invitation")
    email = models.EmailField()
    sent_at = models.DateTimeField(null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["pk"]
