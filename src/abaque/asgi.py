"""ASGI entry point: Django over HTTP, Channels over WebSocket."""

import os

from abaque.blas import limit_blas_threads

limit_blas_threads()  # before anything loads numpy
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "abaque.settings")

from django.core.asgi import get_asgi_application  # noqa: E402

django_application = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from abaque.body_limit import AsgiBodyLimit  # noqa: E402
from abaque.live.fast_vote import VoteRouter  # noqa: E402
from abaque.live.origin import SameOriginValidator  # noqa: E402
from abaque.live.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        # Phone votes skip Django's request stack (keeping its host and CSRF
        # checks); every other request is Django's.
        "http": AsgiBodyLimit(VoteRouter(django_application)),
        "websocket": SameOriginValidator(
            AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns)))
        ),
    }
)
