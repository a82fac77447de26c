"""Sending the compte-rendu: one mailing per sending, one delivery per
participant, so that each recipient's outcome is kept and can be retried."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Mailing(models.Model):
    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="mailings")
    subject = models.CharField(pgettext_lazy("e-mail", "objet"), max_length=200)
    body = models.TextField(_("message"))
    attach_odt = models.BooleanField(_("joindre le document modifiable (ODT)"), default=False)
    attach_xlsx = models.BooleanField(_("joindre le tableur (XLSX)"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("envoi du compte-rendu")

    def __str__(self):
        return self.subject

    def formats(self) -> list[str]:
        """The attached documents: always the PDF, the others on request."""
        return ["pdf"] + (["odt"] if self.attach_odt else []) + (["xlsx"] if self.attach_xlsx else [])


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("En attente")
        SENT = "sent", _("Envoyé")
        FAILED = "failed", _("Échec")
        NO_ADDRESS = "no_address", _("Pas d'adresse")

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="deliveries")
    participant = models.ForeignKey("meetings.Participant", null=True, on_delete=models.SET_NULL, related_name="+")
    name = models.CharField(max_length=120)  # kept if the participant is deleted
    email = models.EmailField(blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    error = models.TextField(blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("envoi à un participant")


class Attachment(models.Model):
    """A document as it was sent, so that a retry sends the same files
    without building them again."""

    mailing = models.ForeignKey(Mailing, on_delete=models.CASCADE, related_name="attachments")
    name = models.CharField(max_length=200)
    media_type = models.CharField(max_length=120)
    content = models.BinaryField()

    class Meta:
        ordering = ["pk"]
