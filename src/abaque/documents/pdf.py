"""HTML to PDF, the one way: WeasyPrint with a fetcher that never leaves the
laptop (the village hall may have no internet, and a document must not
reveal that it was opened by calling another host)."""

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

ALLOWED_PROTOCOLS = frozenset({"file", "data"})

_pause_lock = threading.Lock()
_pauses = 0  # documents being laid out now
_resume = False  # whether the last of them turns the collector back on


def offline_fetcher():
    from weasyprint.urls import URLFetcher  # heavy: loaded only when a PDF is asked for

    return URLFetcher(allowed_protocols=set(ALLOWED_PROTOCOLS))


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic collector off while a document is laid out: WeasyPrint
    keeps ~200,000 boxes alive for a long compte-rendu, and the collector
    would walk them again and again (a sixth of the time). Its garbage waits
    for the end, a few seconds; the last document to end turns it back on,
    unless someone else had turned it off."""
    global _pauses, _resume
    with _pause_lock:
        if not _pauses:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if not _pauses and _resume:
                gc.enable()


def html_to_pdf(html: str, url_fetcher=None, progress: Callable[[str], None] | None = None) -> bytes:
    """`html` laid out as a tagged PDF; resources only from files and data: URLs.
    `progress`, if given, hears "layout" then "write" as each starts."""
    from weasyprint import HTML

    with collector_paused():
        document = HTML(string=html, url_fetcher=url_fetcher or offline_fetcher())
        if progress:
            progress("layout")
        rendered = document.render()
        if progress:
            progress("write")
        return rendered.write_pdf(pdf_tags=True)  # tagged: a screen reader follows headings, lists and tables
