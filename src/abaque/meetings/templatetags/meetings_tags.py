"""Template helpers of the séances ({% load meetings_tags %}); project-wide
ones are in abaque/templatetags/abaque.py."""

from django import template

from abaque.meetings.models import letter_for

register = template.Library()


@register.filter
def letter(index):
    """0 → A: how a participant is shown in anonymous mode."""
    return letter_for(int(index))
