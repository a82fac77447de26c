"""The results matrix: colours with symbols, verdicts, orderings."""

import json
import re
from html import unescape

import pytest

from abaque.meetings.demo import load
from abaque.meetings.models import Meeting
from abaque.meetings.votes import cast_vote


@pytest.fixture
def voted(meeting):
    """Item 1 unanimous VG; item 2 split between the two ends."""
    first = meeting.rounds.get(number=1)
    items, people = list(meeting.items.all()), list(meeting.participants.all())
    for person in people:
        cast_vote(first, items[0], person, "VG")
    for j, person in enumerate(people):
        cast_vote(first, items[1], person, "VG" if j % 2 else "RR")
    return meeting


def test_the_matrix_shows_each_vote_with_its_symbol_and_verdicts(client_in, voted):
    page = unescape(client_in.get(f"/seances/{voted.pk}/resultats/?ordre=entered").content.decode())
    assert page.count('class="cell lv-VG"') == 6 and page.count('class="cell lv-RR"') == 2
    assert "Consensus pour" in page and "Dissensus" in page
    assert "100\u202f%" in page and "0\u202f%" in page  # Tastle–Wierman at both ends


def test_the_mean_ordering_puts_green_first(client_in, voted):
    page = unescape(client_in.get(f"/seances/{voted.pk}/resultats/?ordre=mean").content.decode())
    texts = [i.text for i in voted.items.all()]
    assert page.index(texts[0]) < page.index(texts[1])
    page = unescape(client_in.get(f"/seances/{voted.pk}/resultats/?ordre=consensus").content.decode())
    assert page.index(texts[0]) < page.index(texts[1])


@pytest.mark.parametrize("order", ["entered", "mean", "consensus", "seriation", "nonsense"])
def test_every_ordering_renders(client_in, voted, order):
    assert client_in.get(f"/seances/{voted.pk}/resultats/?ordre={order}&colonnes={order}").status_code == 200


def test_anonymous_meetings_show_letters_not_names(client_in, voted):
    voted.mode = Meeting.Mode.ANONYMOUS
    voted.save()
    page = unescape(client_in.get(f"/seances/{voted.pk}/resultats/").content.decode())
    assert not any(p.name in page for p in voted.participants.all())
    assert ">A</th>" in page


def test_the_demo_has_consensus_dissensus_and_two_rounds(facilitator, client_in):
    meeting = load(facilitator)
    assert meeting.participants.count() >= 12 and 20 <= meeting.items.count() <= 30
    assert {c for c in meeting.participants.values_list("category", flat=True)} >= {"elu", "technicien", "habitant"}
    page = unescape(client_in.get(f"/seances/{meeting.pk}/tours/1/resultats/").content.decode())
    assert "Consensus pour" in page and "Dissensus" in page and "Consensus contre" in page
    assert meeting.rounds.count() == 2


def test_signed_numbers_take_the_minus_sign_and_the_decimal_comma():
    from abaque.templatetags.abaque import signed

    assert signed(-0.123) == "\u22120,12"
    assert signed(0.36) == "+0,36"
    assert signed(None) == "—"


def test_each_cell_is_named_by_its_headers_and_the_levels_not_by_a_title_of_its_own(client_in, voted):
    """A cell carries its colour and symbol only (a title per cell made the
    page of a 200 × 2,000 séance 23 MB): its participant is its column
    header, its item its row header, its level the legend the table points
    to; results.js shows « participant — level » on demand from the same."""
    person = voted.participants.first()
    person.name = '<img src=x onerror="alert(1)">'
    person.save()
    page = client_in.get(f"/seances/{voted.pk}/resultats/?ordre=entered").content.decode()
    assert "<img src=x" not in page
    escaped = "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"
    assert f'<th class="participant" scope="col" title="{escaped}">{escaped}</th>' in page
    assert '<td class="cell lv-VG">++</td>' in page and 'class="cell lv-VG" title=' not in page
    assert '<table class="matrix results" id="results-matrix" aria-describedby="results-legend"' in page
    assert 'id="results-legend"' in page and "abaque/js/results.js" in page
    levels = json.loads(re.search(r'<script id="cell-levels" type="application/json">(.*?)</script>', page)[1])
    assert levels["VG"] == "Je suis tout à fait d'accord" and levels[""] == "pas de vote"
    bar = '<span class="lv-VG" style="flex-grow:4" title="Je suis tout à fait d&#x27;accord : 4">++\u202f4</span>'
    assert bar in page
