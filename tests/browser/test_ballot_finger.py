"""The phone ballot forgives the finger: a slow double tap does not vote the
item that slid under it, a reload resumes at the first item not yet voted,
and an end screen says when every item is voted."""

import os
import time
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import PHONE, prepared_servers, require_chromium, server_env
from .seance_flow import Database
from .seance_flow import vote as flow_vote

require_chromium()
pytestmark = pytest.mark.browser

ITEMS = ["Un café associatif", "Un jardin partagé", "Une navette vers le marché"]
SHOT = Path(os.environ.get("ABAQUE_BALLOT_SHOT", "/work/shots/ballot2/end.png"))


@pytest.fixture(scope="module")
def server(tmp_module_dir):
    env = server_env(tmp_module_dir)
    (one,), seeded = prepared_servers(
        env, {"participants": ["Anne Leroy"], "items": ITEMS, "open": True}, tmp_module_dir
    )
    yield one, seeded, Database(sqlite_path=tmp_module_dir / "abaque.sqlite3")
    one.stop()


def test_a_slow_double_tap_does_not_vote_the_next_item_and_a_reload_resumes_then_ends(browser, server):
    one, seeded, db = server
    anne = seeded["participants"]["Anne Leroy"]
    first, second, third = seeded["items"]
    context = browser.new_context(**PHONE)
    phone = context.new_page()
    phone.goto(f"{one.url}/b/{anne['token']}/")
    expect(phone.locator(".card .position")).to_have_text("Item 1 sur 3")

    tapped = time.monotonic()
    phone.locator(".card .level[data-code='VG']").click()
    expect(phone.locator(".card .position")).to_have_text("Item 2 sur 3")  # moved on by itself
    time.sleep(max(0, tapped + 0.45 - time.monotonic()))
    phone.locator(".card .level[data-code='RR']").click()  # the finger's second tap, 450 ms later
    phone.wait_for_timeout(800)
    expect(phone.locator(".card .position")).to_have_text("Item 2 sur 3")
    expect(phone.locator(".overview .dot").nth(1)).to_have_attribute("data-state", "empty")

    phone.locator(".card .level[data-code='G']").click()  # a deliberate tap, once settled
    expect(phone.locator(".overview .dot").nth(1)).to_have_attribute("data-state", "sent")
    phone.wait_for_function("() => document.querySelectorAll('.overview .dot.sent').length === 2")
    assert db.votes_of(anne["id"]) == [(first, "VG"), (second, "G")]

    phone.reload()
    expect(phone.locator(".card .position")).to_have_text("Item 3 sur 3")  # the first not yet voted

    phone.locator(".card .level[data-code='O']").click()
    expect(phone.locator(".end-screen")).to_contain_text("Merci, vous avez voté sur tous les items")
    expect(phone.locator(".card")).to_have_count(0)
    SHOT.parent.mkdir(parents=True, exist_ok=True)
    phone.screenshot(path=str(SHOT))
    assert db.votes_of(anne["id"]) == [(first, "VG"), (second, "G"), (third, "O")]

    phone.reload()
    expect(phone.locator(".end-screen")).to_be_visible()  # still the end after a reload
    phone.locator(".end-screen .review").click()
    expect(phone.locator(".card .position")).to_have_text("Item 1 sur 3")
    expect(phone.locator(".card .level[data-code='VG']")).to_have_attribute("aria-pressed", "true")
    context.close()


def test_from_the_end_screen_a_tap_on_a_number_changes_that_vote(browser, server):
    one, seeded, db = server
    anne = seeded["participants"]["Anne Leroy"]
    context = browser.new_context(**PHONE)
    phone = context.new_page()
    phone.goto(f"{one.url}/b/{anne['token']}/")
    expect(phone.locator(".end-screen")).to_be_visible()
    context.set_offline(True)
    flow_vote(phone, ["G", "G", "B"])
    flow_vote(phone, ["VG"])
    phone.locator(".overview .dot").nth(1).click()
    expect(phone.locator(".card .position")).to_have_text("Item 2 sur 3")
    phone.locator(".card .level[data-code='B']").click()
    expect(phone.locator(".vote-status")).to_have_text("en attente d'envoi…")
    context.close()
