"""A long PDF is laid out with Python's cyclic collector paused: WeasyPrint
keeps some 200,000 boxes alive while it works, and the collector would walk
them again and again (0.4 s of a 40 × 40 compte-rendu's 2.8 s, see
bench/report.py). The collector comes back however the layout ends."""

import gc
import threading

import pytest

from abaque.documents import pdf
from abaque.documents.pdf import html_to_pdf


@pytest.fixture(autouse=True)
def collector_on():
    assert gc.isenabled()
    yield
    gc.enable()


def test_the_collector_is_paused_while_a_pdf_is_laid_out_and_written():
    seen = []
    html_to_pdf("<p>Compte-rendu</p>", progress=lambda stage: seen.append((stage, gc.isenabled())))
    assert seen == [("layout", False), ("write", False)]
    assert gc.isenabled()


def test_the_collector_comes_back_when_the_layout_fails(monkeypatch):
    def broken(self, *args, **kwargs):
        raise RuntimeError("WeasyPrint failed")

    monkeypatch.setattr("weasyprint.HTML.render", broken)
    with pytest.raises(RuntimeError):
        html_to_pdf("<p>Compte-rendu</p>")
    assert gc.isenabled()


def test_the_collector_stays_paused_until_the_last_of_two_documents_ends():
    first_inside, release = threading.Event(), threading.Event()

    def slow_first():
        with pdf.collector_paused():
            first_inside.set()
            release.wait(5)

    thread = threading.Thread(target=slow_first)
    thread.start()
    first_inside.wait(5)
    with pdf.collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled(), "the second document ended while the first still runs"
    release.set()
    thread.join(5)
    assert gc.isenabled()


def test_a_collector_paused_by_someone_else_stays_paused():
    gc.disable()
    with pdf.collector_paused():
        pass
    assert not gc.isenabled()
