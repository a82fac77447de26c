"""Notes typed during the debate: saved as typed, one per item, only into
the caller's own séance."""

from django.urls import reverse

from abaque.debate.models import Note


def note_url(meeting, item):
    return reverse("debate:note", args=[meeting.pk, item.pk])


def test_a_note_is_created_then_updated_in_place(meeting, client_in):
    item = meeting.items.first()
    first = client_in.post(note_url(meeting, item), {"text": "Anne : le café existe déjà à Saint-Amand."})
    second = client_in.post(
        note_url(meeting, item), {"text": "Anne : le café existe déjà à Saint-Amand.\nBruno : pas le soir."}
    )
    assert first.status_code == second.status_code == 200
    assert second.json()["saved"] is True
    assert second.json()["updated_at"] >= first.json()["updated_at"]
    note = Note.objects.get(meeting=meeting, item=item)
    assert note.text.endswith("Bruno : pas le soir.")
    assert Note.objects.filter(meeting=meeting).count() == 1


def test_an_emptied_note_is_saved_empty_rather_than_kept(meeting, client_in):
    item = meeting.items.first()
    client_in.post(note_url(meeting, item), {"text": "brouillon"})
    client_in.post(note_url(meeting, item), {"text": ""})
    assert Note.objects.get(meeting=meeting, item=item).text == ""


def test_the_note_is_shown_again_when_the_page_reloads(meeting, client_in):
    item = meeting.items.first()
    meeting.debate_item = item
    meeting.save()
    client_in.post(note_url(meeting, item), {"text": "Proposition : un local ouvert le samedi."})
    page = client_in.get(reverse("debate:page", args=[meeting.pk])).content.decode()
    assert "Proposition : un local ouvert le samedi." in page
    assert f'data-key="abaque:note:{meeting.pk}:{item.pk}"' in page


def test_a_note_needs_the_csrf_token(meeting, csrf_client):
    item = meeting.items.first()
    refused = csrf_client.post(note_url(meeting, item), {"text": "sans jeton"})
    assert refused.status_code == 403
    assert not Note.objects.exists()
    csrf_client.get(reverse("debate:page", args=[meeting.pk]))
    token = csrf_client.cookies["csrftoken"].value
    accepted = csrf_client.post(note_url(meeting, item), {"text": "avec jeton"}, headers={"X-CSRFToken": token})
    assert accepted.status_code == 200
    assert Note.objects.get(item=item).text == "avec jeton"


def test_a_note_on_another_seances_item_answers_404(meeting, other_meeting, client_in):
    foreign = other_meeting.items.first()
    assert client_in.post(note_url(meeting, foreign), {"text": "intrus"}).status_code == 404
    assert client_in.post(note_url(other_meeting, foreign), {"text": "intrus"}).status_code == 404
    assert not Note.objects.exists()


def test_notes_are_only_taken_by_post(meeting, client_in):
    assert client_in.get(note_url(meeting, meeting.items.first())).status_code == 405
