"""Every document is laid out offline: WeasyPrint is given a fetcher that
refuses other hosts, and nothing it renders asks for one."""

import socket

import pytest
import weasyprint

from abaque.documents.pdf import html_to_pdf
from abaque.reports.formats import render
from tests.builders import add_action, make_process
from tests.test_report_data import voted_meeting

EXTERNAL = "http://cdn.example.org/logo.png"


@pytest.fixture
def fetchers(monkeypatch):
    """The fetcher of every PDF laid out, and no socket may connect."""
    seen = []
    real = weasyprint.HTML

    def spy(*args, **kwargs):
        seen.append(kwargs.get("url_fetcher"))
        return real(*args, **kwargs)

    def refuse(*args, **kwargs):
        raise AssertionError(f"a document tried to reach the network: {args}")

    monkeypatch.setattr(weasyprint, "HTML", spy)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    return seen


def assert_offline(fetchers):
    assert fetchers, "no PDF was laid out"
    for fetcher in fetchers:
        assert fetcher is not None, "WeasyPrint's default fetcher reaches any host"
        with pytest.raises(ValueError, match="disallowed protocol"):
            fetcher.fetch(EXTERNAL)


def test_an_image_on_another_host_is_never_fetched(fetchers):
    assert html_to_pdf(f'<p>Compte-rendu</p><img src="{EXTERNAL}">').startswith(b"%PDF")
    assert_offline(fetchers)


def test_the_compte_rendu_is_laid_out_offline(facilitator, fetchers):
    assert render(voted_meeting(facilitator), "pdf").startswith(b"%PDF")
    assert_offline(fetchers)


def test_the_voting_cards_are_laid_out_offline(client_in, facilitator, fetchers):
    meeting = voted_meeting(facilitator)
    assert client_in.get(f"/seances/{meeting.pk}/cartes.pdf").status_code == 200
    assert_offline(fetchers)


def test_the_action_plan_is_laid_out_offline(client_in, facilitator, fetchers):
    process = make_process(facilitator)
    cycle = process.cycles.get()
    add_action(cycle, "Café des habitants")
    assert client_in.get(f"/demarches/{process.pk}/{cycle.year}/export/plan.pdf").status_code == 200
    assert_offline(fetchers)
