"""Two workers' schedulers at the same moment, each on its own database
connection (two threads, as two processes would): every invitation and
every reminder goes exactly once. On PostgreSQL (`make test` runs the
suite on it too), the set-up that has several workers: SQLite serves one
process, and its test database, an in-memory shared cache, locks whole
tables instead of waiting."""

import threading
from datetime import timedelta

import pytest
from conftest import build_meeting
from django.core import mail
from django.db import connection
from django.utils import timezone

from abaque.meetings.models import Meeting, Participant
from abaque.online import scheduler
from abaque.online.models import Invitation, OnlinePhase

INVITED = 30


@pytest.fixture
def phase(facilitator):
    meeting = build_meeting(facilitator, n_participants=INVITED)
    now = timezone.now()
    Meeting.objects.filter(pk=meeting.pk).update(
        online_opens_at=now - timedelta(hours=1), online_closes_at=now + timedelta(days=10)
    )
    phase = OnlinePhase.objects.create(
        meeting=meeting, kind=OnlinePhase.Kind.INVITATION, base_url="http://abaque.test", max_reminders=1
    )
    for i, participant in enumerate(meeting.participants.all()):
        Participant.objects.filter(pk=participant.pk).update(origin=Participant.Origin.ONLINE)
        Invitation.objects.create(phase=phase, participant=participant, email=f"p{i}@example.org")
    return phase


def two_workers(now):
    """Both ticks released together by a barrier; what each reported."""
    start, reports, errors = threading.Barrier(2), [], []

    def worker():
        try:
            start.wait()
            reports.append(scheduler.tick(now))
        except Exception as error:  # shown by the assertion below
            errors.append(repr(error))
        finally:
            connection.close()  # this thread's own connection

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(reports) == 2, f"a scheduler failed: {errors}"
    return reports


@pytest.mark.skipif(connection.vendor == "sqlite", reason="several workers run on PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_workers_send_each_invitation_and_each_reminder_once(phase):
    now = timezone.now()
    reports = two_workers(now)
    assert sum(r["invitations"] for r in reports) == INVITED
    recipients = [m.to[0] for m in mail.outbox]
    assert len(recipients) == len(set(recipients)) == INVITED

    mail.outbox.clear()
    reports = two_workers(now + timedelta(days=4))  # nobody voted: everyone is reminded, once
    assert sum(r["reminders"] for r in reports) == INVITED
    recipients = [m.to[0] for m in mail.outbox]
    assert len(recipients) == len(set(recipients)) == INVITED
    assert set(Invitation.objects.values_list("reminders_sent", flat=True)) == {1}
