"""A whole séance on one server (SQLite): three phones, the facilitator's
laptop and the projector."""

import pytest
from playwright.sync_api import expect

from .conftest import PHONE, prepared_servers, require_chromium, seed, server_env
from .seance_flow import SPEC, Database, run_seance

require_chromium()
pytestmark = pytest.mark.browser


def swipe(page, from_x, to_x, y=300):
    """A horizontal finger swipe on the item card (Playwright only taps)."""
    page.locator(".card").evaluate(
        """(card, [x0, x1, y]) => {
            const touch = (x) => new Touch({identifier: 1, target: card, clientX: x, clientY: y});
            card.dispatchEvent(new TouchEvent("touchstart", {touches: [touch(x0)], changedTouches: [touch(x0)], bubbles: true}));
            card.dispatchEvent(new TouchEvent("touchend", {touches: [], changedTouches: [touch(x1)], bubbles: true}));
        }""",
        [from_x, to_x, y],
    )


@pytest.fixture(scope="module")
def one_server(tmp_module_dir):
    env = server_env(tmp_module_dir)
    (server,), seeded = prepared_servers(env, SPEC, tmp_module_dir)
    yield server, seeded, Database(sqlite_path=tmp_module_dir / "abaque.sqlite3"), env
    server.stop()


def test_phones_vote_one_offline_and_the_projector_follows_without_reload(browser, one_server):
    server, seeded, db, _ = one_server
    run_seance(browser, server.url, server.url, seeded, db)


def test_a_vote_refused_by_the_server_is_shown_and_a_released_link_says_so(browser, one_server):
    server, _, db, env = one_server
    seeded = seed(
        env, {"participants": ["Anne Leroy"], "items": ["Un café associatif", "Un jardin partagé"], "open": True}
    )
    anne = seeded["participants"]["Anne Leroy"]
    phone_context = browser.new_context(**PHONE)
    phone = phone_context.new_page()
    phone.goto(f"{server.url}/b/{anne['token']}/")  # the personal link of a printed card
    expect(phone.locator(".card .level")).to_have_count(7)
    swipe(phone, 300, 60)  # to the left: the next item
    expect(phone.locator(".card .position")).to_have_text("Item 2 sur 2")
    swipe(phone, 60, 300)  # to the right: back
    expect(phone.locator(".card .position")).to_have_text("Item 1 sur 2")

    phone_context.set_offline(True)
    phone.locator(".card .level[data-code='VG']").click()
    expect(phone.locator(".overview .dot").first).to_have_attribute("data-state", "pending")
    staff = browser.new_context()
    staff.add_cookies([{"name": "sessionid", "value": seeded["session"], "url": server.url}])
    controls = staff.new_page()
    controls.goto(f"{server.url}/seances/{seeded['meeting']}/direct/")
    controls.click("text=Clore le vote")
    expect(controls.locator(".lc-title .badge")).to_have_text("Clos")

    phone_context.set_offline(False)
    expect(phone.locator("#notice")).to_contain_text("Le vote est clos : votre vote n'a pas été enregistré.")
    expect(phone.locator(".overview .dot").first).to_have_attribute("data-state", "refused")
    assert db.votes_of(anne["id"]) == []

    controls.on("dialog", lambda dialog: dialog.accept())
    controls.click("text=libérer")
    expect(phone.locator("#notice")).to_contain_text("Ce lien de vote n'est plus valable")
    phone_context.close()
    staff.close()


class SocketCutter:
    """Cuts the projector's WebSockets on demand (and refuses new ones while
    cut), the server and the other devices staying up: a flaky hall Wi-Fi."""

    def __init__(self, page):
        self.cut, self.open = False, []
        page.route_web_socket("**/ws/**", self._route)

    def _route(self, socket):
        if self.cut:
            socket.close()
            return
        socket.connect_to_server()
        self.open.append(socket)

    def set_cut(self, cut):
        self.cut = cut
        while cut and self.open:
            self.open.pop().close()


def test_the_projector_comes_back_after_a_network_cut_and_misses_nothing(browser, one_server):
    server, _, db, env = one_server
    seeded = seed(env, {"participants": ["Anne Leroy", "Bruno Petit"], "items": ["Un café associatif"], "open": True})
    staff = browser.new_context(viewport={"width": 1280, "height": 720})
    staff.add_cookies([{"name": "sessionid", "value": seeded["session"], "url": server.url}])
    projector = staff.new_page()
    network = SocketCutter(projector)
    projector.goto(f"{server.url}/seances/{seeded['meeting']}/projecteur/")
    expect(projector.locator('[data-progress="finished"]')).to_have_text("0")

    network.set_cut(True)
    expect(projector.locator("#net")).to_be_visible()
    phone_context = browser.new_context(**PHONE)
    phone = phone_context.new_page()
    phone.goto(f"{server.url}/b/{seeded['participants']['Anne Leroy']['token']}/")
    phone.locator(".card .level[data-code='G']").click()
    # The only item: the end screen follows, so the overview tells it was sent.
    expect(phone.locator(".overview .dot").first).to_have_attribute("data-state", "sent")
    expect(projector.locator('[data-progress="finished"]')).to_have_text("0")  # cut off: it cannot know

    network.set_cut(False)  # the backoff's next attempt gets through
    expect(projector.locator("#net")).to_be_hidden(timeout=10000)
    expect(projector.locator('[data-progress="finished"]')).to_have_text("1")  # refetched on reconnection
    expect(projector.locator(".pj-names li")).to_have_text(["Anne Leroy"])
    phone_context.close()
    staff.close()
