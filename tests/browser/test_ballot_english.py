"""An English séance in a real browser: a phone whose browser and cookie say
French reads its ballot, the ballot's script texts and the scale in English,
votes and sees « sent ✓ »; the projector of the same séance is in English
for a facilitator whose menu says French."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import PHONE, prepared_servers, require_chromium, server_env
from .seance_flow import Database

require_chromium()
pytestmark = pytest.mark.browser

ITEMS = ["A community café", "A shared garden", "A shuttle to the market"]
SHOTS = Path(os.environ.get("ABAQUE_LIVE_SHOTS", "/work/shots/live"))


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


@pytest.fixture(scope="module")
def server(tmp_module_dir):
    env = server_env(tmp_module_dir)
    (one,), seeded = prepared_servers(
        env,
        {"participants": ["Anne Leroy", "Bruno Petit"], "items": ITEMS, "open": True, "question": "How can we meet?"},
        tmp_module_dir,
    )
    db = Database(sqlite_path=tmp_module_dir / "abaque.sqlite3")
    db.rows("UPDATE meetings_meeting SET language = 'en' WHERE id = %s", (seeded["meeting"],))
    yield one, seeded, db
    one.stop()


def french_context(browser, url, **options):
    """A browser that asks for French, with the menu's cookie on French."""
    context = browser.new_context(locale="fr-FR", **options)
    context.add_cookies([{"name": "django_language", "value": "fr", "url": url}])
    return context


def test_an_english_seance_phone_votes_in_english(browser, server):
    one, seeded, db = server
    anne = seeded["participants"]["Anne Leroy"]
    phone = french_context(browser, one.url, **PHONE).new_page()
    phone.goto(f"{one.url}/b/{anne['token']}/")
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    expect(phone.locator(".card .position")).to_have_text("Item 1 of 3")
    labels = phone.locator(".card .level .label").all_inner_texts()
    assert labels[0] == "I fully agree" and labels[-1] == "I'd rather not answer"
    expect(phone.locator(".card .vote-status")).to_have_text("not voted yet")

    phone.click(".card .level[data-code='VG']")
    expect(phone.locator(".card .position")).to_have_text("Item 2 of 3")  # moved on by itself
    assert db.votes_of(anne["id"]) == [(seeded["items"][0], "VG")]
    phone.locator(".overview .dot").first.click()  # back to the first item: its vote is sent
    expect(phone.locator(".card .vote-status")).to_have_text("sent ✓")
    expect(phone.locator(".ballot-head .count")).to_have_text("1 / 3 voted")
    assert "Je suis" not in phone.locator("#ballot").inner_text()
    shot(phone, "phone-ballot-en-360x640")


def test_an_english_seance_projector_is_in_english_for_a_french_facilitator(browser, server):
    one, seeded, _ = server
    staff = french_context(browser, one.url, viewport={"width": 1280, "height": 720})
    staff.add_cookies([{"name": "sessionid", "value": seeded["session"], "url": one.url}])
    projector = staff.new_page()
    projector.goto(f"{one.url}/seances/{seeded['meeting']}/projecteur/")
    expect(projector.locator("html")).to_have_attribute("lang", "en")
    expect(projector.locator(".pj-vote-now")).to_have_text("Vote now")
    expect(projector.locator(".pj-join-text")).to_contain_text("Scan, or open")
    expect(projector.locator(".pj-count-label")).to_have_text("have finished voting")
    shot(projector, "projector-en-1280x720")
    # The facilitator's own controls stay in French.
    controls = staff.new_page()
    controls.goto(f"{one.url}/seances/{seeded['meeting']}/direct/")
    expect(controls.locator("html")).to_have_attribute("lang", "fr")
    expect(controls.locator(".lc-main")).to_have_text("Clore le vote")
