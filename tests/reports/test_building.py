"""The compte-rendu prepared in the background: a status that moves through
the stages, the document offered when ready, the direct downloads intact."""

import time

import pytest
from django.urls import reverse

from abaque.reports import building
from tests.reports.test_data import voted_meeting


@pytest.fixture
def voted(facilitator):
    return voted_meeting(facilitator)


@pytest.fixture
def inline(monkeypatch):
    """The build runs in the request (a thread would not see the test's
    transaction); each status written is kept to check the stages."""
    seen = []
    real = building._write_status

    def record(meeting_id, status):
        seen.append((status.state, status.stage, status.percent()))
        real(meeting_id, status)

    monkeypatch.setattr(building, "_thread", lambda run: run())
    monkeypatch.setattr(building, "_write_status", record)
    return seen


def _post(client, meeting, fmt="pdf"):
    client.get(reverse("reports:index", args=[meeting.pk]))
    token = client.cookies["csrftoken"].value
    return client.post(
        reverse("reports:prepare", args=[meeting.pk, fmt]),
        {"csrfmiddlewaretoken": token},
        HTTP_ACCEPT="application/json",
    )


def test_a_prepared_pdf_goes_through_each_stage_and_is_offered(csrf_client, voted, inline):
    status = _post(csrf_client, voted).json()
    assert status["state"] == "done" and status["percent"] == 100
    assert status["url"] == reverse("reports:prepared", args=[voted.pk, "pdf"])
    assert [stage for state, stage, _ in inline if state == "running"] == ["content", "html", "layout", "write"]
    percents = [p for _, _, p in inline]
    assert percents == sorted(percents)
    response = csrf_client.get(status["url"])
    assert response.content.startswith(b"%PDF")
    assert "compte-rendu-" in response["Content-Disposition"]
    polled = csrf_client.get(reverse("reports:preparation", args=[voted.pk, "pdf"])).json()
    assert polled["state"] == "done"
    page = csrf_client.get(reverse("reports:index", args=[voted.pk])).content.decode()
    assert "Télécharger le PDF préparé" in page and status["url"] in page


def test_the_bar_moves_while_a_stage_runs_and_never_claims_the_end(voted):
    now = time.time()
    status = building.Status(job="x", key="pdf", stage="layout", stage_started=now)
    status.durations = {"content": 0.2, "html": 0.1}
    status.expected = {"content": 0.2, "html": 0.1, "layout": 2.0, "write": 1.0}
    early, later, overdue = (status.percent(now + t) for t in (0.1, 1.5, 60))
    assert early < later < overdue < 100
    assert early > 5  # the stages done count


def test_a_build_under_way_is_joined_not_started_twice(voted):
    started = []
    first = building.start(voted, "pdf", spawn=started.append)
    again = building.start(voted, "pdf", spawn=started.append)
    assert again.job == first.job and len(started) == 1


def test_a_failed_build_says_so_in_french(csrf_client, voted, inline, monkeypatch):
    def broken(report, progress=None):
        raise RuntimeError("boom")

    monkeypatch.setattr(building, "build_pdf", broken)
    status = _post(csrf_client, voted).json()
    assert status["state"] == "failed" and status["error"] == "La préparation du document a échoué."
    assert csrf_client.get(reverse("reports:prepared", args=[voted.pk, "pdf"])).status_code == 404


def test_preparing_needs_a_post_with_its_csrf_token(csrf_client, voted):
    url = reverse("reports:prepare", args=[voted.pk, "pdf"])
    assert csrf_client.get(url).status_code == 405
    assert csrf_client.post(url).status_code == 403


def test_nothing_prepared_answers_404_and_so_does_an_unknown_format(client_in, voted):
    assert client_in.get(reverse("reports:preparation", args=[voted.pk, "pdf"])).status_code == 404
    assert client_in.get(reverse("reports:prepared", args=[voted.pk, "pdf"])).status_code == 404
    assert client_in.get(reverse("reports:preparation", args=[voted.pk, "docx"])).status_code == 404


@pytest.mark.parametrize("name", ["prepare", "preparation", "prepared"])
def test_another_facilitators_seance_answers_404(client_in, other_meeting, name):
    url = reverse(f"reports:{name}", args=[other_meeting.pk, "pdf"])
    response = client_in.post(url) if name == "prepare" else client_in.get(url)
    assert response.status_code == 404
