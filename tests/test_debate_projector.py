"""The debate on the séance's one projector (live): the fragment it fetches
and the full-screen page. The debate has no projector page of its own."""

import pytest
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse

from abaque.debate.speakers import projector_context
from tests.builders import run_round


def in_debate(meeting, item=None):
    meeting.debate_item, meeting.phase = item, meeting.Phase.DEBATE
    meeting.save()


def fragment(client, meeting) -> str:
    return client.get(reverse("live:projector_fragment", args=[meeting.pk])).content.decode()


def test_before_an_item_is_chosen_the_screen_waits_with_the_question(meeting, client_in):
    in_debate(meeting)
    html = fragment(client_in, meeting)
    assert "Le débat va commencer." in html and "Selon vous, comment renforcer le lien social ?" in html


def test_the_fragment_shows_the_item_its_distribution_and_the_speakers(meeting, client_in):
    run_round(meeting.current_round(), ["VG VG R RR", "VG G G VG", "RR R VG G"])
    in_debate(meeting, meeting.items.first())
    html = fragment(client_in, meeting)
    assert "Créer un café associatif" in html and "Dissensus" in html
    assert 'class="distribution"' in html
    assert html.index("David Girard") < html.index("Chantal Roux") < html.index("Anne Leroy")
    assert '<li class="invited"><span class="dp-swatch lv-RR"' in html


def test_the_live_projector_can_render_the_fragment_from_projector_context(meeting):
    meeting.debate_item = meeting.items.first()
    html = render_to_string("live/_projector_debate.html", projector_context(meeting))
    assert "Créer un café associatif" in html
    assert "Enregistrement en cours" not in html


def test_the_one_projector_page_refreshes_over_its_websocket(meeting, client_in):
    in_debate(meeting, meeting.items.first())
    html = client_in.get(reverse("live:projector", args=[meeting.pk])).content.decode()
    assert f'data-socket="/ws/seances/{meeting.pk}/"' in html
    assert reverse("live:projector_fragment", args=[meeting.pk]) in html
    assert "live/projector.js" in html and "live/socket.js" in html
    assert "debate/projector" not in html  # one projector, one socket client
    assert 'class="topbar"' not in html  # full screen: no navigation bar


def test_the_projected_page_never_shows_the_facilitators_messages(meeting, client_in):
    item = meeting.items.first()
    in_debate(meeting, item)
    client_in.post(
        reverse("debate:reformulate", args=[meeting.pk, item.pk]), {"text": "Un café associatif ouvert à tous"}
    )
    html = client_in.get(reverse("live:projector", args=[meeting.pk])).content.decode()
    assert "Item reformulé" not in html
    # Not consumed by the projector: the facilitator still reads it on her page.
    assert "Item reformulé" in client_in.get(reverse("debate:page", args=[meeting.pk])).content.decode()


@pytest.mark.parametrize("name", ["debate:projector", "debate:projector_fragment"])
def test_the_debate_has_no_projector_page_of_its_own(meeting, name):
    with pytest.raises(NoReverseMatch):
        reverse(name, args=[meeting.pk])


def test_the_debate_page_links_to_the_one_projector(meeting, client_in):
    html = client_in.get(reverse("debate:page", args=[meeting.pk])).content.decode()
    assert f'href="{reverse("live:projector", args=[meeting.pk])}"' in html
    assert "/debat/projecteur/" not in html
