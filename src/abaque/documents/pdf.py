"""HTML to PDF, the one way: WeasyPrint with a fetcher that never leaves the
laptop (the village hall may have no internet, and a document must not
reveal that it was opened by calling another host)."""

ALLOWED_PROTOCOLS = frozenset({"file", "data"})


def offline_fetcher():
    from weasyprint.urls import URLFetcher  # heavy: loaded only when a PDF is asked for

    return URLFetcher(allowed_protocols=set(ALLOWED_PROTOCOLS))


def html_to_pdf(html: str, url_fetcher=None) -> bytes:
    """`html` laid out as PDF; resources only from files and data: URLs."""
    from weasyprint import HTML

    return HTML(string=html, url_fetcher=url_fetcher or offline_fetcher()).write_pdf()
