"""{% meeting_socket meeting %} and {% phone_socket participant %}: the paths
of the live WebSocket routes, as live/routing.py defines them."""

from django import template

from abaque.live import routing

register = template.Library()


@register.simple_tag
def meeting_socket(meeting) -> str:
    return routing.meeting_socket(meeting.pk)


@register.simple_tag
def phone_socket(participant) -> str:
    return routing.phone_socket(participant.token)
