"""A reader (a steering-committee member, an élu) reads a séance's pages
without a single link or button to a page that would refuse them (403):
the change links are shown only to those who may change the séance."""

import re

import pytest
from django.urls import reverse

from tests.accounts.test_url_walk import CHANGE, TABLE, url_patterns

# The séance pages a reader may open, built from meetings templates.
READ_PAGES = ("meetings:detail", "meetings:results", "meetings:round_results")
# Pages of other apps that a reader opens and that carry the séance's tabs.
TABBED_READ_PAGES = ("debate:evolution", "reports:index")
TABS = re.compile(r'<nav class="tabs".*?</nav>', re.S)


def change_urls(meeting):
    """Every URL of the séance that only its team may reach, reversed."""
    ids = {
        "meeting_id": meeting.pk,
        "participant_id": meeting.participants.first().pk,
        "item_id": meeting.items.first().pk,
        "number": 1,
    }
    urls = []
    for name, pattern in url_patterns():
        keys = set(pattern.pattern.converters)
        if TABLE.get(name) != CHANGE or "meeting_id" not in keys or not keys <= set(ids):
            continue
        urls.append(reverse(name, kwargs={key: ids[key] for key in keys}))
    return urls


def read_page(client, meeting, name):
    kwargs = {"meeting_id": meeting.pk}
    if name.endswith("round_results"):
        kwargs["number"] = 1
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200, name
    return response.content.decode()


def links_to(html, urls):
    """The change URLs that appear as a link or a form's action in the page."""
    targets = set(re.findall(r'(?:href|action|hx-post|hx-get|data-panel|data-url)="([^"?]*)', html))
    return sorted(url for url in urls if url in targets)


@pytest.fixture
def seance(facilitator, structure):
    from tests.conftest import build_meeting

    return build_meeting(facilitator)


@pytest.mark.parametrize("name", READ_PAGES)
def test_a_reader_sees_no_link_to_a_change_page(client, reader, seance, name):
    client.force_login(reader)
    html = read_page(client, seance, name)
    assert links_to(html, change_urls(seance)) == []
    assert "lecture seule" in html


@pytest.mark.parametrize("name", TABBED_READ_PAGES)
def test_the_tabs_of_other_apps_pages_hide_the_change_tabs_from_a_reader(client, reader, seance, name):
    client.force_login(reader)
    tabs = TABS.search(read_page(client, seance, name)).group()
    assert links_to(tabs, change_urls(seance)) == []
    assert reverse("meetings:results", args=[seance.pk]) in tabs


@pytest.mark.parametrize("name", READ_PAGES)
def test_a_facilitator_still_sees_the_change_links(client, colleague, seance, name):
    client.force_login(colleague)
    html = read_page(client, seance, name)
    assert reverse("meetings:items", args=[seance.pk]) in links_to(html, change_urls(seance))
    assert "lecture seule" not in html


def test_the_detail_page_offers_its_team_to_edit_and_delete(client, colleague, seance):
    client.force_login(colleague)
    found = links_to(read_page(client, seance, "meetings:detail"), change_urls(seance))
    assert reverse("meetings:edit", args=[seance.pk]) in found
    assert reverse("meetings:delete", args=[seance.pk]) in found


def test_no_page_with_the_tabs_calls_the_team_read_only(client, colleague, seance):
    """Every page that shows the séance's tabs learnt who may change it from
    get_meeting: none tells a facilitator « lecture seule »."""
    client.force_login(colleague)
    ids = {"meeting_id": seance.pk, "participant_id": seance.participants.first().pk, "number": 1}
    ids["item_id"] = seance.items.first().pk
    tabbed = []
    for name, pattern in url_patterns():
        keys = set(pattern.pattern.converters)
        if "meeting_id" not in keys or not keys <= set(ids):
            continue
        response = client.get(reverse(name, kwargs={key: ids[key] for key in keys}))
        html = response.content.decode() if response.get("Content-Type", "").startswith("text/html") else ""
        if '<nav class="tabs"' in html:
            tabbed.append(name)
            assert "lecture seule" not in html, name
    assert {"meetings:detail", "meetings:items", "debate:page", "reports:index"} <= set(tabbed)
