"""The interface's language in a real browser: a French browser gets French,
the switch on the login page turns it English and is remembered after
logging in (its cookie), the menus read English, and a page's script speaks
English through the catalogue that base.html loads before it (the items'
character counter). A browser that asks for English gets English at once."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import prepared_servers, require_chromium, server_env

require_chromium()
pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("ABAQUE_SCREENSHOTS") or "/work/shots/core")


@pytest.fixture(scope="module")
def server(tmp_module_dir):
    env = server_env(tmp_module_dir / "data")
    (server,), seeded = prepared_servers(env, {"participants": ["Anne", "Bruno"], "items": []}, tmp_module_dir)
    yield server, seeded
    server.stop()


def test_an_english_facilitator_from_the_login_page_to_the_items(browser, server):
    server, seeded = server
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server.url + "/connexion/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    page.click(".language-switch button[value=en]")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Log in")
    page.screenshot(path=str(SHOTS / "login-en.png"), full_page=True)

    page.fill("#id_username", "animatrice")
    page.fill("#id_password", "colorvote-2026!")
    page.click("button:has-text('Log in')")
    expect(page.locator("nav.topnav")).to_contain_text("Sessions")
    expect(page.locator("nav.topnav")).to_contain_text("My account")
    expect(page.locator("nav.topnav")).not_to_contain_text("Séances")
    page.screenshot(path=str(SHOTS / "menus-en.png"))

    page.goto(f"{server.url}/seances/{seeded['meeting']}/items/")
    expect(page.locator("html")).to_have_attribute("lang", "en")  # remembered: its cookie
    page.fill("#id_text", "Un café dans chaque village")
    maximum = int(page.locator("#item-entry").get_attribute("data-max"))
    expect(page.locator("#item-counter")).to_have_text(
        f"{maximum - len('Un café dans chaque village')} characters left"
    )
    page.screenshot(path=str(SHOTS / "items-counter-en.png"))
    assert not errors, errors


def test_a_browser_that_asks_for_english_gets_english_before_any_switch(browser, server):
    server, _seeded = server
    page = browser.new_context(locale="en-GB").new_page()
    page.goto(server.url + "/connexion/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Log in")
    page.click(".language-switch button[value=fr]")
    expect(page.locator("h1")).to_have_text("Connexion")
