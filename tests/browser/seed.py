"""Seeds the database of a browser test's server, in its own process:
a facilitator with a session, and a séance. Prints what the test needs as
JSON. Usage: python tests/browser/seed.py '{"participants": [...], "items": [...]}'"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repository, for tests.builders
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "abaque.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402

from abaque.meetings.models import Item, Meeting, Participant  # noqa: E402
from abaque.meetings.rounds import new_round, open_round, sync_open_round  # noqa: E402
from tests.builders import run_round  # noqa: E402


def seed(spec):
    user = get_user_model().objects.filter(username="animatrice").first() or get_user_model().objects.create_user(
        "animatrice", "animatrice@pnr.fr", "colorvote-2026!"
    )
    meeting = Meeting.objects.create(
        facilitator=user,
        title=spec.get("title", "Regards croisés"),
        question=spec.get("question", "Selon vous, comment pouvons-nous, ensemble, renforcer le lien social ?"),
        mode=spec.get("mode", "nominative"),
    )
    participants = [
        Participant.objects.create(meeting=meeting, name=name, position=i + 1)
        for i, name in enumerate(spec["participants"])
    ]
    items = [Item.objects.create(meeting=meeting, text=text, position=i + 1) for i, text in enumerate(spec["items"])]
    round_ = sync_open_round(meeting)
    # Rows of codes per round ("VG RR . G", one code per participant): each
    # round is opened, voted through the one vote path and closed. A later
    # round holds the items its "round_items" indices name.
    for number, rows in enumerate(spec.get("rounds", []), start=1):
        if number > 1:
            chosen = spec["round_items"][number - 2]
            round_ = new_round(meeting, [items[i] for i in chosen])
        run_round(round_, rows)
    if spec.get("reveal"):
        meeting.results_revealed = True
    if spec.get("phase"):
        meeting.phase = spec["phase"]
    meeting.save()
    if spec.get("open"):
        open_round(round_)
    client = Client()
    client.force_login(user)
    return {
        "meeting": meeting.pk,
        "join_code": meeting.join_code,
        "session": client.cookies["sessionid"].value,
        "participants": {p.name: {"id": p.pk, "token": p.token} for p in participants},
        "items": [item.pk for item in items],
    }


if __name__ == "__main__":
    print(json.dumps(seed(json.loads(sys.argv[1]))))
