"""A team: structures (a park, a communauté de communes, an association),
their members and roles, invitations, and the journal of who did what."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

INVITATION_DAYS = 14


class Structure(models.Model):
    class Kind(models.TextChoices):
        PARK = "parc", _("Parc naturel régional")
        INTERCOMMUNALITY = "cc", _("Communauté de communes")
        ASSOCIATION = "association", _("Association")
        OTHER = "autre", _("Autre")

    name = models.CharField(_("nom"), max_length=200)
    kind = models.CharField(_("type"), max_length=12, choices=Kind, default=Kind.PARK)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("structure")

    def __str__(self):
        return self.name


class Role(models.TextChoices):
    ADMINISTRATOR = "admin", _("Administrateur")
    FACILITATOR = "facilitator", _("Animateur")
    READER = "reader", _("Lecteur")


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rôle"), max_length=12, choices=Role, default=Role.FACILITATOR)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["structure__name", "pk"]
        constraints = [models.UniqueConstraint(fields=["user", "structure"], name="one_membership_per_structure")]

    def __str__(self):
        return f"{self.user} · {self.structure} · {self.get_role_display()}"


def new_invitation_token() -> str:
    return secrets.token_urlsafe(32)  # 256 bits


def invitation_expiry():
    return timezone.now() + timedelta(days=INVITATION_DAYS)


class Invitation(models.Model):
    """A personal link to join a structure: whoever holds it chooses a login
    and a password, once, before it expires."""

    structure = models.ForeignKey(Structure, on_delete=models.CASCADE, related_name="invitations")
    role = models.CharField(_("rôle"), max_length=12, choices=Role, default=Role.FACILITATOR)
    name = models.CharField(_("prénom et nom"), max_length=150)
    email = models.EmailField(_("e-mail"), blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_invitation_token, editable=False)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(default=invitation_expiry)
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def is_usable(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class JournalEntry(models.Model):
    """Who did what on a séance or a démarche."""

    structure = models.ForeignKey(Structure, null=True, on_delete=models.CASCADE, related_name="journal")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    actor_name = models.CharField(max_length=150)  # kept when the account goes
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    target_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("target_type", "target_id")
    action = models.CharField(max_length=40)
    detail = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["target_type", "target_id", "-at"])]


class Preferences(models.Model):
    """What a person chooses for themself, on every device they log in from:
    the language of their pages (the menu's switch is one browser's)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preferences")
    language = models.CharField(_("langue de l'interface"), max_length=8, choices=settings.LANGUAGES, blank=True)

    class Meta:
        verbose_name = _("préférences")


def language_of(user) -> str:
    """The language a person chose in their account, "" when none."""
    preferences = Preferences.objects.filter(user=user).first()
    return preferences.language if preferences else ""
