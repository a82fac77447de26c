"""A deleted recording (with its séance, or alone) leaves no audio on disk."""

import contextlib
import os

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Recording


@receiver(post_delete, sender=Recording, dispatch_uid="debate-delete-audio")
def delete_audio(sender, instance, **kwargs):
    if not instance.file:
        return
    storage, name = instance.file.storage, instance.file.name

    def remove():  # only once the deletion is committed: a rollback keeps the file
        with contextlib.suppress(OSError):
            storage.delete(name)
            folder = storage.path(name).rsplit("/", 1)[0]
            with contextlib.suppress(OSError):
                os.rmdir(folder)  # the séance's folder, once empty

    transaction.on_commit(remove)
