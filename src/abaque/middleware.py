class HtmxMiddleware:
    """Sets request.htmx: True when htmx made the request, so a view can
    answer with the fragment it swaps instead of the whole page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.htmx = request.headers.get("HX-Request") == "true"
        return self.get_response(request)
