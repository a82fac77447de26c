from abaque.safe_cells import clean_text


class HtmxMiddleware:
    """Sets request.htmx: True when htmx made the request, so a view can
    answer with the fragment it swaps instead of the whole page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.htmx = request.headers.get("HX-Request") == "true"
        return self.get_response(request)


class CleanInputMiddleware:
    """Removes the control characters no document can hold (NUL, \\x01…)
    from every form field posted, once for every form of the project: they
    would break the XLSX and ODT exports, the mails and PostgreSQL."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and not request.content_type.startswith("application/json"):
            posted = request.POST.copy()
            for key, values in posted.lists():
                posted.setlist(key, [clean_text(v) for v in values])
            request.POST = posted
        return self.get_response(request)
