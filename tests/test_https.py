"""Behind an HTTPS reverse proxy: trusted origin, secure cookies, HSTS, CSP."""

import pytest
from django.test import Client

from abaque.settings import https_settings
from tests.conftest import PASSWORD

PUBLIC = "https://abaque.parc.fr"


@pytest.fixture
def behind_proxy(settings):
    https = https_settings(PUBLIC, behind_proxy=True)
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, *https.pop("PUBLIC_HOSTS")]
    for name, value in https.items():
        setattr(settings, name, value)


def proxied(client, method, path, **data):
    return getattr(client, method)(
        path,
        data,
        headers={"X-Forwarded-Proto": "https", "Origin": PUBLIC, "Referer": PUBLIC + path},
        HTTP_HOST="abaque.parc.fr",
    )


def test_the_public_url_gives_the_trusted_origin_the_host_and_secure_cookies():
    https = https_settings(PUBLIC, behind_proxy=True)
    assert https["CSRF_TRUSTED_ORIGINS"] == [PUBLIC] and https["PUBLIC_HOSTS"] == ["abaque.parc.fr"]
    assert https["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")
    assert https["SESSION_COOKIE_SECURE"] and https["CSRF_COOKIE_SECURE"] and https["SECURE_SSL_REDIRECT"]
    assert https["SECURE_HSTS_SECONDS"] >= 31536000


def test_without_a_public_url_the_laptop_serves_plain_http_and_trusts_no_proxy_header():
    https = https_settings("", behind_proxy=False)
    assert not https["SESSION_COOKIE_SECURE"] and not https["SECURE_SSL_REDIRECT"]
    assert https["SECURE_PROXY_SSL_HEADER"] is None and https["SECURE_HSTS_SECONDS"] == 0


def test_a_public_url_that_is_not_one_is_refused():
    with pytest.raises(ValueError):
        https_settings("abaque.parc.fr", behind_proxy=True)


def test_a_login_post_through_the_https_proxy_succeeds_with_secure_cookies(behind_proxy, facilitator):
    client = Client(enforce_csrf_checks=True)
    page = proxied(client, "get", "/connexion/")
    assert page.status_code == 200
    assert page.cookies["csrftoken"]["secure"]
    token = page.cookies["csrftoken"].value
    response = proxied(
        client, "post", "/connexion/", username="animatrice", password=PASSWORD, csrfmiddlewaretoken=token
    )
    assert response.status_code == 302, response.content[:300]
    assert response.cookies["sessionid"]["secure"]
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")


def test_plain_http_through_the_proxy_is_redirected_to_https(behind_proxy, db):
    response = Client().get("/connexion/", HTTP_HOST="abaque.parc.fr", headers={"X-Forwarded-Proto": "http"})
    assert response.status_code == 301 and response["Location"].startswith("https://abaque.parc.fr/")


def test_every_response_carries_a_content_security_policy_without_inline_scripts(client, db):
    policy = client.get("/connexion/")["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert "'unsafe-inline'" not in directives["style-src"]
    assert directives["frame-ancestors"] == "'none'"
