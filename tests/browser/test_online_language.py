"""A consultation in English, on a phone whose browser asks for French:
the public registration page and the e-mails follow the séance, not the
browser (issue 12)."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import PHONE, require_chromium
from .test_online_consultation import online_server  # noqa: F401 (a fixture: this module gets its own server)

require_chromium()
pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("ABAQUE_SCREENSHOTS_DOT", "/work/shots/dot"))


def test_an_english_consultation_on_a_french_phone(browser, online_server):  # noqa: F811
    server, seeded, db, mailbox = online_server
    meeting = seeded["meeting"]
    db.rows("UPDATE meetings_meeting SET language = 'en' WHERE id = %s", (meeting,))
    staff = browser.new_context(viewport={"width": 1366, "height": 900})
    staff.add_cookies([{"name": "sessionid", "value": seeded["session"], "url": server.url}])
    desk = staff.new_page()
    desk.goto(f"{server.url}/seances/{meeting}/en-ligne/")
    desk.click("text=Enregistrer")
    public_url = desk.locator("a.mono").inner_text()

    phone = browser.new_context(**PHONE, locale="fr-FR")
    page = phone.new_page()
    page.goto(public_url)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("#information h2")).to_have_text("Before you register")
    expect(page.locator("label[for=id_email]")).to_contain_text("Your e-mail address")
    # The facilitator's pages are French, the participants' purpose notice is in the séance's language.
    expect(page.locator("#information")).to_contain_text("To count the participation by municipality")
    page.fill("#id_email", "ann@example.org")
    page.fill("#id_commune", "Autrans")
    page.select_option("#id_category", "habitant")
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "registration-en-360x640.png"), full_page=True)
    page.click("button:has-text('Register')")
    expect(page.locator("[role=status]")).to_contain_text("An e-mail has just been sent to")
    page.goto(mailbox.wait_for("ann@example.org", "Confirm your participation"))
    expect(page.locator(".card .level")).to_have_count(7)  # the ballot
    assert mailbox.wait_for("ann@example.org", "Your voting link")
    staff.close()
    phone.close()
