"""The WebSocket routes, written once: pages get their paths from
meeting_socket() and phone_socket() (template tags in abaque.templatetags.sockets),
and scripts read them from a data attribute, never build them."""

from django.urls import path, reverse

from .consumers import MeetingConsumer, PhoneConsumer

websocket_urlpatterns = [
    path("ws/seances/<int:meeting_id>/", MeetingConsumer.as_asgi(), name="meeting_socket"),
    path("ws/b/<str:token>/", PhoneConsumer.as_asgi(), name="phone_socket"),
]
urlpatterns = websocket_urlpatterns  # what reverse() reads when given this module


def meeting_socket(meeting_id: int) -> str:
    """The facilitator's screens of a séance: projector, controls, grid."""
    return reverse("meeting_socket", urlconf=__name__, args=[meeting_id])


def phone_socket(token: str) -> str:
    """A phone's socket, by its personal token."""
    return reverse("phone_socket", urlconf=__name__, args=[token])
