"""The debate: notes typed per item and audio recordings, kept with the
séance for the compte-rendu."""

from django.db import models


class Note(models.Model):
    """What was said on an item, typed during the debate, saved as typed."""

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="notes")
    item = models.ForeignKey("meetings.Item", on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "item"], name="one_note_per_item")]


def recording_path(recording, filename):
    return f"recordings/meeting-{recording.meeting_id}/{filename}"


class Recording(models.Model):
    """Audio of the debate on an item, recorded from the laptop's microphone."""

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="recordings")
    item = models.ForeignKey(
        "meetings.Item", null=True, blank=True, on_delete=models.SET_NULL, related_name="recordings"
    )
    file = models.FileField(upload_to=recording_path)
    mime_type = models.CharField(max_length=60, default="audio/webm")
    duration_seconds = models.FloatField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]


class AgendaPosition(models.Model):
    """The facilitator's own order of the debate agenda. Items without a
    position keep the order computed from the votes, after the placed ones."""

    meeting = models.ForeignKey("meetings.Meeting", on_delete=models.CASCADE, related_name="agenda_positions")
    item = models.ForeignKey("meetings.Item", on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField()

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["meeting", "item"], name="one_agenda_position_per_item")]
