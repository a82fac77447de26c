"""Every debate view answers 404 for another facilitator's séance, and asks
for a login first."""

import pytest
from django.urls import reverse

from abaque.debate.models import Recording

# (url name, needs an item, method)
VIEWS = [
    ("debate:page", False, "get"),
    ("debate:choose", False, "post"),
    ("debate:move", True, "post"),
    ("debate:speaking_order", False, "post"),
    ("debate:note", True, "post"),
    ("debate:reformulate", True, "post"),
    ("debate:new_round", False, "post"),
    ("debate:recording_state", False, "post"),
    ("debate:recordings", True, "get"),
    ("debate:recordings", True, "post"),
    ("debate:evolution", False, "get"),
    ("debate:project_evolution", False, "post"),
]


def url_for(name, meeting, with_item):
    args = [meeting.pk, meeting.items.first().pk] if with_item else [meeting.pk]
    return reverse(name, args=args)


@pytest.mark.parametrize("name, with_item, method", VIEWS)
def test_another_facilitators_seance_answers_404(name, with_item, method, other_meeting, client_in):
    response = getattr(client_in, method)(
        url_for(name, other_meeting, with_item), {"item": other_meeting.items.first().pk}
    )
    assert response.status_code == 404
    other_meeting.refresh_from_db()
    assert other_meeting.debate_item is None and other_meeting.recording_since is None


def test_another_facilitators_recording_file_answers_404(other_meeting, client_in):
    recording = Recording.objects.create(
        meeting=other_meeting, item=other_meeting.items.first(), file="recordings/x.wav"
    )
    assert client_in.get(reverse("debate:recording_file", args=[other_meeting.pk, recording.pk])).status_code == 404


@pytest.mark.parametrize("name, with_item, method", VIEWS)
def test_a_visitor_is_sent_to_the_login_page(name, with_item, method, meeting, client):
    response = getattr(client, method)(url_for(name, meeting, with_item))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
