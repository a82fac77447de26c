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


def live_meeting(facilitator, language, reveal):
    """A séance in `language` whose round is open (the vote under way), or
    voted and its results shown."""
    from tests.conftest import build_meeting

    meeting = build_meeting(facilitator, title=f"Séance {language}", language=language)
    round_ = meeting.rounds.get()
    if reveal:
        run_round(round_, ["VG G O R", "RR W B VG", "G G G O"])
        meeting.results_revealed = True
        meeting.save()
    else:
        open_round(round_)
    return meeting


def seed_world():
    """The world of tests/accounts/test_url_walk.py, and every page of its ONE
    table that serves HTML to its administrator (public pages: to a visitor),
    with a live séance per language, open and with results."""
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from abaque.accounts.structures import own_structure
    from tests.accounts.test_url_walk import EXPECTED, PUBLIC, TABLE, build_world, path_for, url_patterns
    from tests.conftest import PASSWORD, make_member

    users = get_user_model().objects
    facilitator = users.create_user("animatrice", "animatrice@pnr.fr", PASSWORD, first_name="Claire Morel")
    structure = own_structure(facilitator)
    colleague = make_member(structure, "facilitator", "collegue")
    reader = make_member(structure, "reader", "lectrice")
    outsider = users.create_user("autre", "autre@pnr.fr", PASSWORD)
    own_structure(outsider)
    ids, objects, _users, tokens = build_world(facilitator, structure, colleague, reader, outsider)
    admin, visitor = Client(HTTP_HOST="localhost"), Client(HTTP_HOST="localhost")
    admin.force_login(facilitator)
    pages = []
    for name, pattern in url_patterns():
        if name in ("logout", "set_language") or EXPECTED[TABLE[name]][0] not in ("ok", "public"):
            continue
        path = path_for(name, pattern, ids, objects, tokens)
        public = TABLE[name] == PUBLIC
        response = (visitor if public else admin).get(path)
        # A whole page, not a fragment a page's script fetches into itself (audited there).
        html = response.status_code == 200 and response["Content-Type"].startswith("text/html")
        if html and response.content.lstrip()[:15].lower() == b"<!doctype html>":
            pages.append({"name": name, "path": path, "public": public})
    live = {}
    for language in ("fr", "en"):
        voting, shown = live_meeting(facilitator, language, False), live_meeting(facilitator, language, True)
        token = voting.participants.first().token
        live[language] = [
            {"name": "live:join", "path": reverse("live:join"), "public": True},
            {"name": "live:names", "path": reverse("live:names", args=[voting.join_code]), "public": True},
            {"name": "live:ballot (vote)", "path": reverse("live:ballot", args=[token]), "public": True},
            {"name": "live:projector (vote)", "path": reverse("live:projector", args=[voting.pk]), "public": False},
            {"name": "live:projector (results)", "path": reverse("live:projector", args=[shown.pk]), "public": False},
            {"name": "meetings:results (votes)", "path": reverse("meetings:results", args=[shown.pk]), "public": False},
            {"name": "meetings:grid (votes)", "path": reverse("meetings:grid", args=[shown.pk, 1]), "public": False},
        ]
        live[language + "_ids"] = {"voting": voting.pk, "shown": shown.pk, "token": token}
    return {"session": admin.cookies["sessionid"].value, "pages": pages, "live": live}


if __name__ == "__main__":
    spec = json.loads(sys.argv[1])
    print(json.dumps(seed_world() if spec.get("world") else seed(spec)))
