"""The benchmark's séances, made through the ORM in the bench's own data
directory before any server starts."""

import os
import random

from loopback import Ballot

USERNAME = "bench"
PASSWORD = "abaque-bench-2026"


def setup_django(data_dir):
    """Django on a fresh SQLite file: the embedded mode `abaque serve` uses."""
    os.environ["ABAQUE_DATA_DIR"] = str(data_dir)
    for name in ("DATABASE_URL", "REDIS_URL"):
        os.environ.pop(name, None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "abaque.settings"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def create_facilitator():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user(USERNAME, password=PASSWORD)


def create_meeting(facilitator, title, n_participants, n_items, seed, online=False):
    """A séance whose first round is open, and one ballot per participant:
    a vote on every item, colours drawn at random from the séance's scale.
    `online`: the participants vote online, in a public consultation whose
    window is open and whose results are published."""
    from datetime import timedelta

    from django.utils import timezone

    from abaque import scale
    from abaque.meetings.models import Item, Meeting, Participant
    from abaque.meetings.rounds import open_round, sync_open_round

    meeting = Meeting.objects.create(facilitator=facilitator, title=title, question="Banc d'essai")
    origin = Participant.Origin.ONLINE if online else Participant.Origin.ROOM
    Participant.objects.bulk_create(
        Participant(meeting=meeting, name=f"Participant {i + 1}", position=i, origin=origin)
        for i in range(n_participants)
    )
    if online:
        from abaque.online.models import OnlinePhase

        now = timezone.now()
        Meeting.objects.filter(pk=meeting.pk).update(
            online_opens_at=now - timedelta(hours=1), online_closes_at=now + timedelta(days=1)
        )
        OnlinePhase.objects.create(meeting=meeting, results_published=True)
    Item.objects.bulk_create(Item(meeting=meeting, text=f"Item {i + 1}", position=i) for i in range(n_items))
    round_ = sync_open_round(meeting)
    open_round(round_)
    codes = scale.VARIANTS[meeting.scale_variant]
    rng = random.Random(seed)
    items = list(meeting.active_items().values_list("pk", flat=True))
    ballots = [
        Ballot(token, [(item, rng.choice(codes)) for item in items], pk)
        for pk, token in meeting.participants.values_list("pk", "token")
    ]
    return meeting.pk, round_.pk, round_.number, ballots
