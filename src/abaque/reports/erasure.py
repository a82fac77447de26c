"""A participant deleted from a séance is erased from the mailings too: the
deliveries addressed to her and the stored documents that name her (they
are the séance's report as it was sent, with every participant's name)."""

from django.db.models.signals import pre_delete
from django.dispatch import receiver

from abaque.meetings.models import Participant

from .models import Attachment, Delivery


@receiver(pre_delete, sender=Participant, dispatch_uid="reports-erase-participant")
def erase_participant(sender, instance, **kwargs):
    Delivery.objects.filter(participant=instance).delete()
    Delivery.objects.filter(mailing__meeting_id=instance.meeting_id, name=instance.name).delete()
    if instance.email:
        Delivery.objects.filter(mailing__meeting_id=instance.meeting_id, email__iexact=instance.email).delete()
    Attachment.objects.filter(mailing__meeting_id=instance.meeting_id).delete()
