import base64
import hashlib
from functools import cache

from abaque.safe_cells import clean_text


class HtmxMiddleware:
    """Sets request.htmx: True when htmx made the request, so a view can
    answer with the fragment it swaps instead of the whole page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.htmx = request.headers.get("HX-Request") == "true"
        return self.get_response(request)


@cache
def content_security_policy():
    """Scripts and style sheets from this server only. The one inline <style>
    (the scale's colours, the same on every page) is allowed by its hash;
    style="" attributes only set colours and CSS variables from the data."""
    from abaque.templatetags.abaque import scale_css

    digest = base64.b64encode(hashlib.sha256(scale_css().encode()).digest()).decode()
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            f"style-src 'self' 'sha256-{digest}'",
            "style-src-attr 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "media-src 'self' blob:",
            "connect-src 'self'",  # CSP 3 covers ws:/wss: to the same host
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


class ContentSecurityPolicyMiddleware:
    """Sets the Content-Security-Policy on every response that has none."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", content_security_policy())
        return response


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
