"""Creating and running a séance from the facilitator's pages."""

from html import unescape

import pytest

from abaque.meetings.models import JOIN_CODE_ALPHABET, Meeting, letter_for

QUESTION = "Selon vous, comment pouvons-nous, ensemble, renforcer le lien social ?"


def test_a_facilitator_creates_a_meeting_with_sensible_defaults(client_in, facilitator):
    response = client_in.post(
        "/seances/nouvelle/",
        {
            "title": "Groupe test de Marchiennes",
            "date": "2026-12-03",
            "place": "Salle des fêtes",
            "territory": "PNR Scarpe-Escaut",
            "question": QUESTION,
            "mode": "nominative",
            "scale_variant": "standard",
            "display": "names",
        },
    )
    meeting = Meeting.objects.get(title="Groupe test de Marchiennes")
    assert response.url == f"/seances/{meeting.pk}/participants/"
    assert meeting.facilitator == facilitator and meeting.rounds.count() == 1
    assert len(meeting.join_code) == 6 and set(meeting.join_code) <= set(JOIN_CODE_ALPHABET)


def test_a_meeting_without_question_is_refused_and_keeps_what_was_typed(client_in):
    page = unescape(
        client_in.post(
            "/seances/nouvelle/",
            {
                "title": "Sans question",
                "date": "2026-12-03",
                "mode": "nominative",
                "scale_variant": "standard",
                "display": "names",
            },
        ).content.decode()
    )
    assert "Ce champ est obligatoire" in page and 'value="Sans question"' in page
    assert not Meeting.objects.exists()


def test_the_list_shows_only_the_facilitators_meetings(client_in, meeting, other_meeting):
    page = unescape(client_in.get("/seances/").content.decode())
    assert meeting.title in page and other_meeting.title not in page


@pytest.mark.parametrize("suffix", ["", "modifier/", "supprimer/", "resultats/", "tours/1/resultats/"])
def test_another_facilitators_meeting_answers_404(client_in, other_meeting, suffix):
    assert client_in.get(f"/seances/{other_meeting.pk}/{suffix}").status_code == 404


def test_deleting_a_meeting_asks_first(client_in, meeting):
    assert "ne peut pas être annulée" in unescape(client_in.get(f"/seances/{meeting.pk}/supprimer/").content.decode())
    client_in.post(f"/seances/{meeting.pk}/supprimer/")
    assert not Meeting.objects.filter(pk=meeting.pk).exists()


def test_pages_need_a_logged_in_facilitator(client, meeting):
    response = client.get(f"/seances/{meeting.pk}/")
    assert response.status_code == 302 and response.url.startswith("/connexion/")


def test_letters_follow_the_spreadsheet_convention():
    assert [letter_for(i) for i in (0, 1, 25, 26, 27, 701)] == ["A", "B", "Z", "AA", "AB", "ZZ"]


def test_scale_width_follows_the_variant(meeting):
    assert meeting.scale_width == 4
    meeting.scale_variant = "three"
    assert meeting.scale_width == 2
    assert [lv.code for lv in meeting.levels] == ["G", "O", "R", "W"]


@pytest.mark.parametrize("mode", ["nominative", "anonymous"])
def test_every_page_of_a_meeting_renders(client_in, meeting, mode):
    meeting.mode = mode
    meeting.save()
    person, item = meeting.participants.first(), meeting.items.first()
    for path in [
        "",
        "modifier/",
        "supprimer/",
        "participants/",
        "participants/importer/",
        f"participants/{person.pk}/modifier/",
        f"participants/{person.pk}/supprimer/",
        "items/",
        f"items/{item.pk}/modifier/",
        "tours/1/grille/",
        "resultats/",
    ]:
        response = client_in.get(f"/seances/{meeting.pk}/{path}")
        if mode == "anonymous" and path in ("participants/importer/", f"participants/{person.pk}/modifier/"):
            # Ballots carry no name: importing or typing one goes back to the ballots.
            assert response.status_code == 302, path
            assert response["Location"] == f"/seances/{meeting.pk}/participants/", path
        else:
            assert response.status_code == 200, path
    assert client_in.get("/seances/nouvelle/").status_code == 200
