"""A whole séance in real browsers: phones join and vote (one of them in a
dead spot of the hall), the facilitator closes and reveals, the projector
follows without a reload. Shared by the single-server and the scale-out
tests; screenshots are saved when ABAQUE_SCREENSHOTS names a folder."""

import os
import sqlite3
import time
from pathlib import Path

from playwright.sync_api import expect

from .conftest import PHONE

PARTICIPANTS = ["Anne Leroy", "Bruno Petit", "Chantal Roux"]
ITEMS = [
    "Créer un café associatif dans chaque village",
    "Un fonds d'initiatives habitants géré par les habitants",
    "Covoiturage solidaire vers le marché et la gare",
]
SPEC = {"participants": PARTICIPANTS, "items": ITEMS}
ONLINE_VOTES = {"Anne Leroy": ["VG", "G", "RR"], "Bruno Petit": ["VG", "O", "R"]}
OFFLINE_FIRST, OFFLINE_FINAL = ["G", "G", "B"], ["VG", "G", "B"]  # changes its mind offline on item 1
SCREENS = os.environ.get("ABAQUE_SCREENSHOTS")


class Database:
    """Reads what the server stored, from the test process."""

    def __init__(self, sqlite_path=None, url=None):
        self.sqlite_path, self.url = sqlite_path, url

    def rows(self, sql, params=()):
        if self.sqlite_path:
            with sqlite3.connect(self.sqlite_path) as connection:
                return connection.execute(sql.replace("%s", "?"), params).fetchall()
        import psycopg

        with psycopg.connect(self.url) as connection:
            return connection.execute(sql, params).fetchall()

    def votes_of(self, participant_id):
        return self.rows(
            "SELECT item_id, code FROM meetings_vote WHERE participant_id = %s ORDER BY item_id", (participant_id,)
        )

    def log_of(self, participant_id):
        return self.rows(
            "SELECT item_id, code FROM meetings_votelog WHERE participant_id = %s ORDER BY id", (participant_id,)
        )


def shot(page, name):
    if SCREENS:
        Path(SCREENS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENS) / f"{name}.png"))


def join(browser, base_url, join_code, name):
    """A phone types the code shown on the screen and taps its name."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(base_url + "/rejoindre/")
    page.fill("#code", join_code.lower())
    page.click("button[type=submit]")
    if name == PARTICIPANTS[-1]:
        shot(page, "phone-names-360x640")  # the names taken by the other phones are greyed
    page.click(f"button.name:has-text('{name}')")
    expect(page.locator("#waiting")).to_be_visible()
    expect(page.locator("#waiting-items li")).to_have_count(len(ITEMS))
    if name == PARTICIPANTS[-1]:
        shot(page, "phone-waiting-360x640")
    return context, page


def vote(page, codes):
    """Vote item by item, jumping through the overview."""
    total = page.locator(".overview .dot").count()
    for index, code in enumerate(codes):
        page.locator(".overview .dot").nth(index).click()
        expect(page.locator(".card .position")).to_have_text(f"Item {index + 1} sur {total}")
        page.locator(f".card .level[data-code='{code}']").click()
        expect(page.locator(f".overview .dot.lv-{code}").nth(0)).to_be_visible()
        # A first vote moves on by itself (or to the end screen) 350 ms later:
        # the next tap waits for that, as a finger would see the page move.
        expect(page.locator("#voting[data-advancing]")).to_have_count(0)


def watch_changes(projector):
    """Note the wall-clock time of every change of the projector's page."""
    projector.evaluate("""() => { window.changes = [];
        new MutationObserver(() => window.changes.push(Date.now()))
            .observe(document.getElementById("projector"), {subtree: true, childList: true, characterData: true}); }""")


def projector_lag_ms(phone, projector):
    """From the end of the phone's last acknowledged vote (its 200) to the
    projector's next change: coalescing delay, queries, WebSocket, DOM."""
    acked = phone.evaluate("""() => { const last = performance.getEntriesByType("resource")
        .filter((entry) => entry.name.endsWith("/vote/")).pop();
        return performance.timeOrigin + last.responseEnd; }""")
    changes = projector.evaluate("() => window.changes")
    return min(change for change in changes if change >= acked) - acked


def run_seance(browser, phone_url, screen_url, seeded, db):
    meeting, n_items = seeded["meeting"], len(seeded["items"])
    staff = browser.new_context(viewport={"width": 1920, "height": 1080})
    staff.add_cookies([{"name": "sessionid", "value": seeded["session"], "url": screen_url}])
    controls = staff.new_page()  # the séance overview, where the live panel loads itself
    controls.goto(f"{screen_url}/seances/{meeting}/")
    grid = staff.new_page()
    grid.goto(f"{screen_url}/seances/{meeting}/tours/1/grille/")
    projector = staff.new_page()
    projector.goto(f"{screen_url}/seances/{meeting}/projecteur/")
    expect(projector.locator(".pj-code")).to_have_text(seeded["join_code"])
    expect(projector.locator(".pj-item-list li")).to_have_count(len(seeded["items"]))
    shot(projector, "projector-items-1920x1080")

    phones = {name: join(browser, phone_url, seeded["join_code"], name) for name in PARTICIPANTS}
    anne = phones["Anne Leroy"][1]
    expect(controls.locator(".lc-people .badge", has_text="lié")).to_have_count(3)  # bound names show live

    controls.click("text=Ouvrir le vote")
    for _, page in phones.values():  # the round opens on every phone without a reload
        expect(page.locator(".card .level")).to_have_count(7)
    shot(anne, "phone-ballot-360x640")

    watch_changes(projector)
    for name, codes in ONLINE_VOTES.items():
        vote(phones[name][1], codes)
        expect(phones[name][1].locator('.overview .dot[data-state="sent"]')).to_have_count(n_items)
    expect(phones["Anne Leroy"][1].locator(".end-screen")).to_contain_text("vous avez voté sur tous les items")
    anne_id = seeded["participants"]["Anne Leroy"]["id"]
    expect(grid.locator(f'td.cell[data-participant="{anne_id}"].lv-RR')).to_have_count(1)  # the grid follows the phones
    expect(projector.locator('[data-progress="finished"]')).to_have_text("2")
    lag = projector_lag_ms(phones["Bruno Petit"][1], projector)
    shot(projector, "projector-vote-1920x1080")
    projector.set_viewport_size({"width": 1280, "height": 720})
    shot(projector, "projector-vote-1280x720")
    projector.set_viewport_size({"width": 1920, "height": 1080})

    offline_context, chantal = phones["Chantal Roux"]
    chantal_id = seeded["participants"]["Chantal Roux"]["id"]
    offline_context.set_offline(True)
    vote(chantal, OFFLINE_FIRST)
    vote(chantal, OFFLINE_FINAL[:1])
    expect(chantal.locator('.overview .dot[data-state="pending"]')).to_have_count(n_items)
    expect(chantal.locator(".vote-status")).to_have_text("en attente d'envoi…")
    shot(chantal, "phone-offline-pending-360x640")
    assert db.votes_of(chantal_id) == []
    offline_context.set_offline(False)
    back = time.monotonic()
    expect(chantal.locator('.overview .dot[data-state="sent"]')).to_have_count(n_items, timeout=15000)
    resent = time.monotonic() - back

    # Exactly once: one Vote row per (round, item, participant) holding the
    # last code chosen, and one VoteLog row per item for this phone, since
    # the choices made offline collapse to the latest before they are sent.
    items = seeded["items"]
    assert db.votes_of(chantal_id) == list(zip(items, OFFLINE_FINAL))
    assert db.log_of(chantal_id) == list(zip(items, OFFLINE_FINAL))

    chantal.reload()  # a reload loses nothing: the stored votes come back from the server
    expect(chantal.locator('.overview .dot[data-state="sent"]')).to_have_count(n_items)
    expect(projector.locator('[data-progress="finished"]')).to_have_text("3")

    controls.click("text=Clore le vote")
    expect(anne.locator(".closed-text")).to_have_text("Le vote est clos")
    expect(anne.locator(".card .level").first).to_be_disabled()
    shot(anne, "phone-closed-360x640")
    controls.click("text=Afficher les résultats au projecteur")
    expect(projector.locator("table.pj-table td.cell")).to_have_count(n_items * len(PARTICIPANTS))
    expect(projector.locator("table.pj-table td.cell.lv-RR")).to_have_count(1)
    shot(projector, "projector-results-1920x1080")
    projector.set_viewport_size({"width": 1280, "height": 720})
    shot(projector, "projector-results-1280x720")
    shot(controls, "overview-with-live-panel-1920x1080")
    for context, _ in phones.values():
        context.close()
    staff.close()
    # Figures as Playwright sees them (its polling adds a little); shown with -s.
    print(
        f"projector updated {lag:.0f} ms after the server acknowledged the last vote; "
        f"offline votes acknowledged {resent * 1000:.0f} ms after the network came back"
    )
