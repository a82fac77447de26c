"""The one-time link that creates the first facilitator account: no default
password anywhere. The token lives in the data directory until it is used."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse

from abaque.files import write_private


def _token_path():
    return settings.DATA_DIR / "first_account_token"


def needs_first_account() -> bool:
    return not get_user_model().objects.exists()


def first_account_path() -> str | None:
    """The path of the set-up page while no account exists, else None."""
    if not needs_first_account():
        return None
    path = _token_path()
    if not path.exists():
        write_private(path, secrets.token_urlsafe(24))
    return reverse("first_account", args=[path.read_text().strip()])


def token_is_valid(token: str) -> bool:
    path = _token_path()
    return path.exists() and secrets.compare_digest(path.read_text().strip(), token)


def forget_token() -> None:
    _token_path().unlink(missing_ok=True)
