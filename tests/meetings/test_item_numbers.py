"""An item keeps one number for the whole séance: every round, the debate,
the projector, the grid, the results and the compte-rendu."""

import re

import pytest
from django.urls import reverse

from abaque.meetings.models import Item, Meeting
from abaque.meetings.numbering import item_numbers
from abaque.meetings.rounds import new_round
from abaque.reports.content import build_report
from tests.builders import run_round
from tests.conftest import build_meeting

ITEMS = [f"Proposition numéro {n} pour le lien social" for n in range(1, 11)]
# Items 4 and 10 split the room; the others are consensual.
SPLIT = {3, 9}


@pytest.fixture
def second_round(facilitator):
    meeting = build_meeting(facilitator, items=ITEMS)
    rows = ["VG RR VG RR" if i in SPLIT else "VG VG G VG" for i in range(len(ITEMS))]
    run_round(meeting.current_round(), rows)
    items = list(meeting.active_items())
    round_2 = new_round(meeting, [items[3], items[9]])
    run_round(round_2, ["VG RR G RR", "G RR VG RR"])
    Meeting.objects.filter(pk=meeting.pk).update(results_revealed=True)
    meeting.refresh_from_db()
    return meeting


def numbered(html: str, text: str) -> str | None:
    """The number shown just before `text` (« 4. text » or « 4</span> … text »)."""
    found = re.search(r"(\d+)\.?(?:</span>)?\s*(?:<span[^>]*>)?\s*" + re.escape(text), html)
    return found.group(1) if found else None


def test_numbers_follow_the_first_round_then_later_items_then_unvoted(second_round):
    late = Item.objects.create(meeting=second_round, text="Arrivé après le tour 1", position=20)
    numbers = item_numbers(second_round)
    items = list(second_round.items.order_by("position"))
    assert [numbers[i.pk] for i in items[:10]] == list(range(1, 11))
    assert numbers[late.pk] == 11


def test_the_report_uses_the_seance_numbers(second_round):
    report = build_report(second_round)
    round_2 = report.rounds[1]
    assert sorted(item.number for item in round_2.items) == [4, 10]


@pytest.mark.parametrize(
    "url",
    [
        "live:projector_fragment",  # the results of round 2, projected
        "meetings:round_results",
        "meetings:grid",
    ],
)
def test_a_second_round_keeps_the_numbers_of_the_first(second_round, client_in, url):
    args = [second_round.pk] if url.startswith("live") else [second_round.pk, 2]
    html = client_in.get(reverse(url, args=args)).content.decode().replace("&#x27;", "'")
    assert numbered(html, ITEMS[3]) == "4"
    assert numbered(html, ITEMS[9]) == "10"
    assert numbered(html, ITEMS[0]) is None  # not in round 2


def test_the_debate_page_and_its_projected_view_keep_the_numbers(second_round, client_in):
    tenth = second_round.items.get(text=ITEMS[9])
    client_in.post(reverse("debate:choose", args=[second_round.pk]), {"item": tenth.pk})
    page = client_in.get(reverse("debate:page", args=[second_round.pk])).content.decode()
    assert numbered(page, ITEMS[9]) == "10"  # the agenda and the item in debate
    assert numbered(page, ITEMS[3]) == "4"
    assert f">10. {ITEMS[9]}</option>" in page  # « débattre d'un autre item »
    assert f" 10. {ITEMS[9]}</label>" in page  # the items of the next round
    projected = client_in.get(reverse("live:projector_fragment", args=[second_round.pk])).content.decode()
    assert numbered(projected, ITEMS[9]) == "10"


def test_the_projector_numbers_the_items_while_they_are_typed_and_voted(meeting, client_in):
    from abaque.meetings.rounds import open_round

    texts = list(meeting.active_items().values_list("text", flat=True))
    for step in ("typing", "voting"):
        html = client_in.get(reverse("live:projector_fragment", args=[meeting.pk])).content.decode()
        html = html.replace("&#x27;", "'")
        assert [numbered(html, text) for text in texts] == ["1", "2", "3"], step
        open_round(meeting.current_round())
