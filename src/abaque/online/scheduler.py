"""What an online phase does on its own: send the invitations once it opens,
the reminders on the facilitator's schedule, and erase personal data at the
retention date. Closing needs nothing here: the vote rules read the closing
time whenever a vote is stored.

It runs in the server process: a daemon thread, started by the first
request (SchedulerMiddleware), calls `tick` every TICK seconds. No task
library: Celery or RQ would add a broker and a worker process the
facilitator must run, for a handful of e-mails an hour. With several workers
each runs its own thread; every message is claimed first by a conditional
UPDATE (… WHERE sent_at IS NULL, … WHERE reminders_sent = n) in the shared
database, so one worker only sends it. A worker killed between claiming and
sending loses that one message (at most once, never twice)."""

import logging
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.db import close_old_connections, transaction
from django.db.models import F
from django.utils import timezone

from abaque.live.progress import round_counts
from abaque.meetings.models import Participant, letter_for

from . import mail
from .models import Invitation, OnlinePhase

log = logging.getLogger(__name__)

TICK = 60  # seconds


def tick(now=None) -> dict:
    """One pass over every phase; returns what it did (for tests and logs)."""
    now = now or timezone.now()
    done = {"invitations": 0, "reminders": 0, "erased": 0}
    for phase in OnlinePhase.objects.select_related("meeting").filter(kind=OnlinePhase.Kind.INVITATION):
        if phase.is_open(now) and phase.erased_at is None:
            done["invitations"] += send_invitations(phase, now)
            done["reminders"] += send_reminders(phase, now)
    for phase in OnlinePhase.objects.select_related("meeting").filter(
        erased_at__isnull=True, retention_until__lte=timezone.localdate(now)
    ):
        done["erased"] += erase_personal_data(phase, now)
    return done


def send_invitations(phase, now) -> int:
    sent = 0
    for invitation in phase.invitations.filter(sent_at__isnull=True).select_related("participant"):
        if Invitation.objects.filter(pk=invitation.pk, sent_at__isnull=True).update(sent_at=now, last_sent_at=now):
            _record(invitation, mail.send_invitation(phase, invitation))
            sent += 1
    return sent


def unfinished(phase) -> set[int]:
    """Participants invited who have not voted on every item of the round."""
    round_ = phase.meeting.current_round()
    done = round_counts(round_)[1] if round_ else set()
    return set(phase.invitations.values_list("participant_id", flat=True)) - done


def send_reminders(phase, now) -> int:
    if not phase.reminder_every_days:
        return 0
    due = now - timedelta(days=phase.reminder_every_days)
    waiting = unfinished(phase)
    sent = 0
    for invitation in phase.invitations.filter(
        sent_at__isnull=False, reminders_sent__lt=phase.max_reminders, last_sent_at__lte=due
    ).select_related("participant"):
        if invitation.participant_id not in waiting:
            continue
        claimed = Invitation.objects.filter(pk=invitation.pk, reminders_sent=invitation.reminders_sent).update(
            reminders_sent=F("reminders_sent") + 1, last_sent_at=now
        )
        if claimed:
            _record(invitation, mail.send_reminder(phase, invitation))
            sent += 1
    return sent


def _record(invitation, error: str) -> None:
    Invitation.objects.filter(pk=invitation.pk).update(error=error)


@transaction.atomic
def erase_personal_data(phase, now=None) -> int:
    """At the retention date: addresses, names and communes go; the votes
    stay, as lettered ballots. Claimed like a message: once."""
    if not OnlinePhase.objects.filter(pk=phase.pk, erased_at__isnull=True).update(erased_at=now or timezone.now()):
        return 0
    phase.registrations.all().delete()
    phase.invitations.all().delete()
    online = list(phase.meeting.participants.filter(origin=Participant.Origin.ONLINE))
    offset = phase.meeting.participants.exclude(origin=Participant.Origin.ONLINE).count()
    for index, participant in enumerate(online):
        participant.name, participant.email, participant.commune = letter_for(offset + index), "", ""
    Participant.objects.bulk_update(online, ["name", "email", "commune"])
    return 1


_started = threading.Lock()
_thread: threading.Thread | None = None


def _loop():
    while True:
        try:
            close_old_connections()
            tick()
        except Exception:  # the next tick tries again
            log.exception("online scheduler tick failed")
        finally:
            close_old_connections()
        time.sleep(TICK)


def start() -> None:
    global _thread
    with _started:
        if _thread is None or not _thread.is_alive():
            _thread = threading.Thread(target=_loop, name="abaque-online-scheduler", daemon=True)
            _thread.start()


class SchedulerMiddleware:
    """Starts the scheduler with the first request of each worker (nothing
    to run for a management command or a test that sets ABAQUE_SCHEDULER=0)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.started = False

    def __call__(self, request):
        if not self.started and getattr(settings, "ONLINE_SCHEDULER", True):
            start()
            self.started = True
        return self.get_response(request)
