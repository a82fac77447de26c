"""Typing items live in a real browser: letters typed at machine speed right
after Enter, while the previous item is still being saved, are never lost;
the author rotation survives a deletion; an item over the limit is refused
with a counter, never cut."""

import os
import sqlite3
import time
from pathlib import Path

import pytest

from .conftest import Server, abaque, require_chromium, seed, server_env

require_chromium()
pytestmark = pytest.mark.browser

PEOPLE = ["Anne Leroy", "Bruno Petit", "Chantal Roux", "David Girard"]
SHOTS = Path(os.environ.get("ABAQUE_SHOTS", "/work/shots/room"))


@pytest.fixture(scope="module")
def items_server(tmp_module_dir):
    env = server_env(tmp_module_dir)
    abaque(env, "migrate", "--noinput")
    seeded = seed(env, {"participants": PEOPLE, "items": []})
    server = Server(env, tmp_module_dir)
    yield server, seeded, tmp_module_dir / "abaque.sqlite3"
    server.stop()


def stored_items(database, meeting):
    with sqlite3.connect(database) as connection:
        return connection.execute(
            "SELECT i.text, p.name FROM meetings_item i LEFT JOIN meetings_participant p ON p.id = i.author_id "
            "WHERE i.meeting_id = ? AND i.deleted_at IS NULL ORDER BY i.position",
            (meeting,),
        ).fetchall()


def slow_saves(route):
    """Every save takes 300 ms, as on a busy laptop: typing goes on meanwhile."""
    response = route.fetch()
    time.sleep(0.3)
    route.fulfill(response=response)


def test_typing_at_machine_speed_after_enter_loses_nothing(browser, items_server):
    server, seeded, database = items_server
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_cookies([{"name": "sessionid", "value": seeded["session"], "url": server.url}])
    page = context.new_page()
    page.route("**/items/", lambda route: slow_saves(route) if route.request.method == "POST" else route.continue_())
    page.goto(f"{server.url}/seances/{seeded['meeting']}/items/")
    page.select_option("#id_author", label=PEOPLE[0])
    page.click("#id_text")
    texts = ["Premier item, un café associatif", "Deuxième item tapé aussitôt", "Troisième item sans attendre"]
    for text in texts:
        page.keyboard.type(text, delay=0)
        page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('#items-list .item-list li').length === 3")
    assert [li.inner_text() for li in page.locator("#items-list .item-list li .text").all()] == texts
    assert stored_items(database, seeded["meeting"]) == list(zip(texts, PEOPLE[:3]))
    assert page.input_value("#id_text") == ""
    assert page.locator("#id_author option:checked").inner_text() == PEOPLE[3]

    # A deletion refreshes the list only: the text being typed and the author stay.
    page.keyboard.type("En cours de frappe", delay=0)
    page.locator("#items-list li", has_text=texts[0]).locator("button", has_text="Supprimer").click()
    page.wait_for_selector("text=Annuler la suppression")
    assert page.input_value("#id_text") == "En cours de frappe"
    assert page.locator("#id_author option:checked").inner_text() == PEOPLE[3]
    page.click("text=Annuler la suppression")
    page.wait_for_function("() => document.querySelectorAll('#items-list .item-list li').length === 3")

    # Over the limit: the counter says so, Enter refuses, nothing is cut.
    page.fill("#id_text", "Un item bien trop long " * 13)  # 298 characters once tidied
    assert page.inner_text("#item-counter") == "2 caractères restants"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "items-counter.png"))
    page.fill("#id_text", "Un item bien trop long " * 14)
    assert "de trop" in page.inner_text("#item-counter")
    page.press("#id_text", "Enter")
    page.wait_for_timeout(400)
    assert page.input_value("#id_text") == "Un item bien trop long " * 14
    assert len(stored_items(database, seeded["meeting"])) == 3
    page.screenshot(path=str(SHOTS / "items-too-long.png"))
    context.close()
