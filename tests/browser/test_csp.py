"""With the Content-Security-Policy on, the facilitator's pages, the phone
ballot and the projector run without a single violation."""

import pytest

from .conftest import PHONE, prepared_servers, require_chromium, server_env

require_chromium()
pytestmark = pytest.mark.browser

SPEC = {
    "participants": ["Anne Leroy", "Bruno Petit"],
    "items": ["Un café associatif", "Un jardin partagé"],
    "open": True,
}
LISTEN = "document.addEventListener('securitypolicyviolation', e => (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI))"


@pytest.fixture(scope="module")
def server(tmp_module_dir):
    (server,), seeded = prepared_servers(server_env(tmp_module_dir), SPEC, tmp_module_dir)
    yield server, seeded
    server.stop()


def violations_on(context, url):
    messages = []
    page = context.new_page()
    page.on(
        "console", lambda message: messages.append(message.text) if "Content Security Policy" in message.text else None
    )
    page.add_init_script(LISTEN)
    response = page.goto(url)
    assert "script-src 'self'" in response.headers.get("content-security-policy", "")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    messages += page.evaluate("window.__csp || []")
    page.close()
    return messages


def test_no_page_breaks_the_content_security_policy(browser, server):
    server, seeded = server
    meeting = seeded["meeting"]
    staff = browser.new_context()
    staff.add_cookies([{"name": "sessionid", "value": seeded["session"], "url": server.url}])
    pages = [
        "/seances/",
        f"/seances/{meeting}/",
        f"/seances/{meeting}/participants/",
        f"/seances/{meeting}/items/",
        f"/seances/{meeting}/resultats/",
        f"/seances/{meeting}/tours/1/grille/",
        f"/seances/{meeting}/direct/",
        f"/seances/{meeting}/projecteur/",
    ]
    found = {path: violations_on(staff, server.url + path) for path in pages}
    phone = browser.new_context(**PHONE)
    token = seeded["participants"]["Anne Leroy"]["token"]
    found["/rejoindre/"] = violations_on(phone, server.url + "/rejoindre/")
    found["ballot"] = violations_on(phone, f"{server.url}/b/{token}/")
    assert {path: v for path, v in found.items() if v} == {}
