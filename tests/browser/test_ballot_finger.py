"""The phone ballot forgives the finger: a slow double tap does not vote the
item that slid under it, a reload resumes at the first item not yet voted,
an end screen says when every item is voted, « Regardez l'écran » while the
results are projected, and nothing covers the card. The grid never replaces
a phone vote unasked, and the phone follows a change made there."""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import PHONE, prepared_servers, require_chromium, seed, server_env
from .seance_flow import Database
from .seance_flow import vote as flow_vote

require_chromium()
pytestmark = pytest.mark.browser

ITEMS = ["Un café associatif", "Un jardin partagé", "Une navette vers le marché"]
SHOTS = Path(os.environ.get("ABAQUE_BALLOT_SHOTS", "/work/shots/ballot"))


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def assert_uncovered(page, selector):
    """The element is the one a finger reaches at its centre: no banner
    (offline notice, closed banner) sits over it."""
    assert page.locator(selector).first.evaluate(
        """(node) => { const box = node.getBoundingClientRect();
            const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
            return box.top >= 0 && box.bottom <= innerHeight && (top === node || node.contains(top)); }"""
    ), f"{selector} is covered or off screen"


def staff_page(browser, seeded, url):
    staff = browser.new_context(viewport={"width": 1280, "height": 800})
    staff.add_cookies([{"name": "sessionid", "value": seeded["session"], "url": url}])
    return staff, staff.new_page()


@pytest.fixture(scope="module")
def server(tmp_module_dir):
    env = server_env(tmp_module_dir)
    (one,), seeded = prepared_servers(
        env, {"participants": ["Anne Leroy"], "items": ITEMS, "open": True}, tmp_module_dir
    )
    yield one, seeded, Database(sqlite_path=tmp_module_dir / "abaque.sqlite3"), env
    one.stop()


def test_a_slow_double_tap_does_not_vote_the_next_item_and_a_reload_resumes_then_ends(browser, server):
    one, seeded, db, _ = server
    anne = seeded["participants"]["Anne Leroy"]
    first, second, third = seeded["items"]
    context = browser.new_context(**PHONE)
    phone = context.new_page()
    phone.goto(f"{one.url}/b/{anne['token']}/")
    expect(phone.locator(".card .position")).to_have_text("Item 1 sur 3")

    # Two taps 450 ms apart, timed by the page's own clock (a loaded test
    # machine must not stretch the gap): the second lands after the ballot
    # moved on by itself, on the next item's RR.
    under_second_tap = phone.evaluate(
        """() => new Promise((done) => {
            document.querySelector(".card .level[data-code='VG']").click();
            setTimeout(() => {
                const position = document.querySelector(".card .position").textContent;
                document.querySelector(".card .level[data-code='RR']").click();
                done(position);
            }, 450);
        })"""
    )
    assert under_second_tap == "Item 2 sur 3"  # it had moved on by itself
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
    shot(phone, "phone-end-360x640")
    assert db.votes_of(anne["id"]) == [(first, "VG"), (second, "G"), (third, "O")]

    phone.reload()
    expect(phone.locator(".end-screen")).to_be_visible()  # still the end after a reload
    phone.locator(".end-screen .review").click()
    expect(phone.locator(".card .position")).to_have_text("Item 1 sur 3")
    expect(phone.locator(".card .level[data-code='VG']")).to_have_attribute("aria-pressed", "true")
    context.close()


def test_from_the_end_screen_a_tap_on_a_number_changes_that_vote(browser, server):
    one, seeded, db, _ = server
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


def test_after_the_close_nothing_covers_the_card_then_the_phone_says_watch_the_screen(browser, server):
    one, _, _, env = server
    twelve = [f"Proposition numéro {n} pour le lien social entre les villages" for n in range(1, 13)]
    seeded = seed(env, {"participants": ["Anne Leroy"], "items": twelve, "open": True})
    context = browser.new_context(**PHONE)
    phone = context.new_page()
    phone.goto(f"{one.url}/b/{seeded['participants']['Anne Leroy']['token']}/")
    expect(phone.locator(".card .position")).to_have_text("Item 1 sur 12")

    context.set_offline(True)  # the offline notice shows above the ballot, not over it
    expect(phone.locator("#net")).to_be_visible()
    phone.locator(".overview .dot").nth(11).click()  # far down the page
    expect(phone.locator(".card .position")).to_have_text("Item 12 sur 12")
    assert_uncovered(phone, ".card .position")
    assert_uncovered(phone, ".card .level[data-code='VG']")
    phone.locator(".overview .dot").nth(0).click()
    context.set_offline(False)
    expect(phone.locator("#net")).to_be_hidden()
    phone.mouse.wheel(0, 2000)  # the finger scrolled down to the overview

    staff, controls = staff_page(browser, seeded, one.url)
    controls.goto(f"{one.url}/seances/{seeded['meeting']}/direct/")
    controls.click("text=Clore le vote")
    expect(phone.locator(".closed-text")).to_have_text("Le vote est clos")
    expect(phone.locator(".card .position")).to_have_text("Item 1 sur 12")
    assert_uncovered(phone, ".card .position")
    assert_uncovered(phone, ".ballot-head .closed-text")
    shot(phone, "phone-closed-360x640")

    controls.click("text=Afficher les résultats au projecteur")
    expect(phone.locator(".watch-screen .watch-text")).to_have_text("Regardez l'écran")
    expect(phone.locator(".card")).to_have_count(0)
    assert_uncovered(phone, ".watch-screen .watch-text")
    shot(phone, "phone-watch-360x640")
    phone.locator(".overview .dot").nth(2).click()  # one's own votes can still be read
    expect(phone.locator(".card .position")).to_have_text("Item 3 sur 12")
    expect(phone.locator(".card .level").first).to_be_disabled()
    context.close()
    staff.close()


def test_the_grid_asks_before_replacing_a_phone_vote_and_the_phone_follows_without_reload(browser, server):
    one, _, db, env = server
    seeded = seed(env, {"participants": ["Anne Leroy", "Bruno Petit"], "items": ITEMS[:2], "open": True})
    anne, bruno = seeded["participants"]["Anne Leroy"], seeded["participants"]["Bruno Petit"]
    first = seeded["items"][0]
    context = browser.new_context(**PHONE)
    phone = context.new_page()
    phone.goto(f"{one.url}/b/{anne['token']}/")
    phone.locator(".card .level[data-code='VG']").click()
    expect(phone.locator(".overview .dot").nth(0)).to_have_attribute("data-state", "sent")
    phone.evaluate("() => { window.notReloaded = true; }")

    staff, grid = staff_page(browser, seeded, one.url)
    grid.goto(f"{one.url}/seances/{seeded['meeting']}/tours/1/grille/")
    anne_cell = grid.locator(f'tr[data-item="{first}"] td.cell[data-participant="{anne["id"]}"]')
    bruno_cell = grid.locator(f'tr[data-item="{first}"] td.cell[data-participant="{bruno["id"]}"]')
    expect(anne_cell).to_have_attribute("data-source", "phone")
    expect(anne_cell.locator(".src-mark")).to_be_visible()  # a mark, not colour alone
    expect(anne_cell).to_have_attribute("aria-label", re.compile("voté depuis son téléphone"))

    anne_cell.click()  # across the row, card by card
    grid.keyboard.press("5")  # RR over Anne's phone vote
    expect(grid.locator("#grid-status")).to_contain_text("votée depuis le téléphone d'Anne Leroy")
    expect(anne_cell).to_have_class(re.compile("confirming"))
    expect(anne_cell).to_have_class(re.compile("lv-VG"))
    shot(grid, "grid-confirm-1280x800")
    grid.keyboard.press("Escape")  # keep it, and go on with the row
    expect(grid.locator("#grid-status")).to_have_text("Vote du téléphone gardé.")
    grid.keyboard.press("3")  # Bruno's card
    expect(bruno_cell).to_have_class(re.compile("lv-O"))
    expect(bruno_cell).not_to_have_class(re.compile("saving"))
    assert db.votes_of(anne["id"]) == [(first, "VG")]

    anne_cell.click()
    grid.keyboard.press("5")
    grid.keyboard.press("Enter")  # confirmed
    expect(anne_cell).to_have_class(re.compile("lv-RR"))
    expect(anne_cell).to_have_attribute("data-source", "grid")
    expect(grid.locator("#grid-status")).to_contain_text("remplacé")
    shot(grid, "grid-source-1280x800")
    assert db.votes_of(anne["id"]) == [(first, "RR")]

    dot = phone.locator(".overview .dot").nth(0)
    expect(dot).to_have_class(re.compile("lv-RR"))  # at once, through the socket
    expect(dot).to_have_class(re.compile("changed"))
    dot.click()
    expect(phone.locator(".card .vote-status")).to_have_text("modifié par l'animateur")
    expect(phone.locator(".card .level[data-code='RR']")).to_have_attribute("aria-pressed", "true")
    assert phone.evaluate("() => window.notReloaded === true")
    shot(phone, "phone-changed-360x640")
    context.close()
    staff.close()
