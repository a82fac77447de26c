"""Opinion groups on the results page."""

from html import unescape

from abaque.meetings.votes import cast_vote
from tests.conftest import build_meeting

ITEMS = [f"Proposition {i}" for i in range(1, 11)]


def two_camps(facilitator, n=16):
    meeting = build_meeting(facilitator, n_participants=n, items=ITEMS)
    first = meeting.rounds.get(number=1)
    for j, person in enumerate(meeting.participants.all()):
        for i, item in enumerate(meeting.items.all()):
            cast_vote(first, item, person, "VG" if (i % 2 == 0) == (j % 2 == 0) else "RR")
    return meeting


def test_the_results_page_names_two_camps_and_orders_columns_by_group(client_in, facilitator):
    meeting = two_camps(facilitator)
    page = unescape(client_in.get(f"/seances/{meeting.pk}/resultats/").content.decode())
    assert "Groupes d'opinion" in page and 'title="Groupe A"' in page and 'title="Groupe B"' in page
    band = page.split('class="group-band"')[1].split("</tr>")[0]
    assert band.index("● A") < band.rindex("● A") < band.index("▲ B")  # A's columns together, then B's
    assert "Groupe C" not in page


def test_a_small_room_is_told_there_are_no_groups_instead_of_noise(client_in, facilitator):
    meeting = two_camps(facilitator, n=6)
    page = unescape(client_in.get(f"/seances/{meeting.pk}/resultats/").content.decode())
    assert "Pas de groupes d'opinion : il faut au moins 12 participants" in page
