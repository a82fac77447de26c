"""Each person keeps their language in their account: chosen on « Mon
compte », it comes back at every login, on any device."""

from django.conf import settings
from django.test import Client

from abaque.accounts.models import Preferences, language_of
from tests.conftest import PASSWORD

COOKIE = settings.LANGUAGE_COOKIE_NAME


def choose(client, facilitator, language):
    return client.post(
        "/compte/", {"first_name": facilitator.first_name, "email": facilitator.email, "language": language}
    )


def test_the_account_keeps_the_language_and_this_browser_switches_at_once(client_in, facilitator):
    response = choose(client_in, facilitator, "en")
    assert response.status_code == 302
    assert language_of(facilitator) == "en" and response.cookies[COOKIE].value == "en"
    page = client_in.get(response.url).content.decode()
    assert '<html lang="en">' in page and "Your account is saved." in page
    assert 'value="en" selected' in page


def test_the_language_comes_back_at_login_on_another_device(facilitator):
    Preferences.objects.create(user=facilitator, language="en")
    laptop = Client()
    response = laptop.post("/connexion/", {"username": facilitator.username, "password": PASSWORD})
    assert response.status_code == 302 and response.cookies[COOKIE].value == "en"
    assert '<html lang="en">' in laptop.get("/seances/").content.decode()


def test_no_language_chosen_leaves_the_browser_its_own(client_in, facilitator):
    choose(client_in, facilitator, "en")
    response = choose(client_in, facilitator, "")
    assert language_of(facilitator) == "" and response.cookies[COOKIE].value == ""  # deleted
    laptop = Client()
    login = laptop.post("/connexion/", {"username": facilitator.username, "password": PASSWORD})
    assert COOKIE not in login.cookies
