"""HTML to PDF, the one way: WeasyPrint with a fetcher that never leaves the
laptop (the village hall may have no internet, and a document must not
reveal that it was opened by calling another host)."""

from collections.abc import Callable

ALLOWED_PROTOCOLS = frozenset({"file", "data"})


def offline_fetcher():
    from weasyprint.urls import URLFetcher  # heavy: loaded only when a PDF is asked for

    return URLFetcher(allowed_protocols=set(ALLOWED_PROTOCOLS))


def html_to_pdf(html: str, url_fetcher=None, progress: Callable[[str], None] | None = None) -> bytes:
    """`html` laid out as PDF; resources only from files and data: URLs.
    `progress`, if given, hears "layout" then "write" as each starts."""
    from weasyprint import HTML

    document = HTML(string=html, url_fetcher=url_fetcher or offline_fetcher())
    if progress:
        progress("layout")
    rendered = document.render()
    if progress:
        progress("write")
    return rendered.write_pdf()
