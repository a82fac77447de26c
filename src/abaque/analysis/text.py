"""Texts of the analysis that reach people, translatable without Django.

The analysis stays pure, so it cannot call gettext. It marks its French
texts with `N_` (a no-op that `make messages` collects, like
gettext_noop) and keeps a message's parameters apart from its template:
a `Message` reads as the French text wherever it is shown as it is, and
Django translates it where it shows it (`abaque.templatetags.abaque.translated`:
the template through gettext, then the parameters put in).
"""

from __future__ import annotations

from typing import Any


def N_(text: str) -> str:  # noqa: N802 (the name makemessages looks for)
    """Marks a French text for the catalogue; returns it unchanged."""
    return text


class Message(str):
    """A French text made of a marked template and its named parameters."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, **params: Any) -> Message:
        self = super().__new__(cls, template % params if params else template)
        self.template = template
        self.params = params
        return self

    def __reduce__(self) -> tuple[Any, ...]:  # pickles (the cache) keep the template and the parameters
        return (_message, (self.template, self.params))


def _message(template: str, params: dict[str, Any]) -> Message:
    return Message(template, **params)
