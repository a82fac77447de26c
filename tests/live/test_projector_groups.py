"""Opinion groups on the projector, on demand: off by default; the
facilitator projects them from the live controls; the projected matrix then
orders its columns by group under a band, and names each group."""

from html import unescape

from django.test import Client

from abaque.meetings.models import Meeting
from abaque.meetings.rounds import close_round
from tests.meetings.test_results_groups import two_camps


def projected(client, meeting):
    return unescape(client.get(f"/seances/{meeting.pk}/projecteur/fragment/").content.decode())


def revealed(meeting):
    close_round(meeting.rounds.get(number=1))
    Meeting.objects.filter(pk=meeting.pk).update(results_revealed=True)
    return meeting


def test_the_projector_shows_the_groups_only_once_asked(client_in, facilitator):
    meeting = revealed(two_camps(facilitator))
    assert "Groupes d'opinion" not in projected(client_in, meeting)
    client_in.post(f"/seances/{meeting.pk}/direct/groupes/", {"show": "1"})
    page = projected(client_in, meeting)
    assert "Groupes d'opinion" in page and "● A" in page and "▲ B" in page
    band = page.split('class="group-band"')[1].split("</tr>")[0]
    assert band.index("●") < band.rindex("●") < band.index("▲")  # A's columns together, then B's
    assert "8 personnes" in page
    client_in.post(f"/seances/{meeting.pk}/direct/groupes/", {"show": "0"})
    assert "Groupes d'opinion" not in projected(client_in, meeting)


def test_a_small_room_projects_why_there_are_no_groups(client_in, facilitator):
    meeting = revealed(two_camps(facilitator, n=6))
    client_in.post(f"/seances/{meeting.pk}/direct/groupes/", {"show": "1"})
    page = projected(client_in, meeting)
    assert "Pas de groupes d'opinion : il faut au moins 12 participants" in page
    assert 'class="group-band"' not in page


def test_the_live_controls_offer_the_switch_and_a_reader_cannot_use_it(client_in, facilitator, reader):
    meeting = revealed(two_camps(facilitator))
    assert "Projeter les groupes d'opinion" in client_in.get(f"/seances/{meeting.pk}/direct/").content.decode()
    client = Client()
    client.force_login(reader)
    assert client.post(f"/seances/{meeting.pk}/direct/groupes/", {"show": "1"}).status_code == 403
    assert not Meeting.objects.get(pk=meeting.pk).projector_groups
