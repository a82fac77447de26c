"""The debate on the projected screen: the fragment the projector page
includes, and the standalone full-screen page."""

from django.template.loader import render_to_string
from django.urls import reverse

from abaque.debate.speakers import projector_context
from tests.builders import run_round


def test_before_an_item_is_chosen_the_screen_waits_with_the_question(meeting, client_in):
    html = client_in.get(reverse("debate:projector_fragment", args=[meeting.pk])).content.decode()
    assert "Le débat va commencer." in html and "Selon vous, comment renforcer le lien social ?" in html


def test_the_fragment_shows_the_item_its_distribution_and_the_speakers(meeting, client_in):
    run_round(meeting.current_round(), ["VG VG R RR", "VG G G VG", "RR R VG G"])
    meeting.debate_item = meeting.items.first()
    meeting.save()
    html = client_in.get(reverse("debate:projector_fragment", args=[meeting.pk])).content.decode()
    assert "Créer un café associatif" in html and "Dissensus" in html
    assert 'class="distribution"' in html
    assert html.index("David Girard") < html.index("Chantal Roux") < html.index("Anne Leroy")
    assert '<li class="invited"><span class="dp-swatch lv-RR"' in html


def test_the_live_projector_can_render_the_fragment_from_projector_context(meeting):
    meeting.debate_item = meeting.items.first()
    html = render_to_string("debate/_projector.html", projector_context(meeting))
    assert "Créer un café associatif" in html
    assert "Enregistrement en cours" not in html


def test_the_standalone_page_refreshes_over_the_websocket_or_by_polling(meeting, client_in):
    html = client_in.get(reverse("debate:projector", args=[meeting.pk])).content.decode()
    assert f'data-ws-path="/ws/seances/{meeting.pk}/"' in html
    assert reverse("debate:projector_fragment", args=[meeting.pk]) in html
    assert "debate/projector.js" in html
    assert 'class="topbar"' not in html  # full screen: no navigation bar


def test_the_projected_page_never_shows_the_facilitators_messages(meeting, client_in):
    item = meeting.items.first()
    client_in.post(
        reverse("debate:reformulate", args=[meeting.pk, item.pk]), {"text": "Un café associatif ouvert à tous"}
    )
    html = client_in.get(reverse("debate:projector", args=[meeting.pk])).content.decode()
    assert "Item reformulé" not in html
    assert "Item reformulé" in client_in.get(reverse("debate:page", args=[meeting.pk])).content.decode()
