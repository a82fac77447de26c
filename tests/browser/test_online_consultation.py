"""Issue 10's promise in a real browser: a public online consultation is
opened, two people register and confirm their address (the e-mails read
from a real SMTP server, aiosmtpd), vote, come back with their link and
change a vote; one proposes an item the facilitator accepts and the other
votes it; the closing time passes and a vote is refused; the facilitator
publishes and the public page shows the results."""

import contextlib
import email
import os
import re
import time
from email import policy
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from playwright.sync_api import expect

from .conftest import PHONE, free_port, prepared_servers, require_chromium, server_env
from .seance_flow import Database, vote

require_chromium()
pytestmark = pytest.mark.browser

ITEMS = ["Un café associatif dans chaque village", "Un fonds d'initiatives habitants", "Covoiturage vers la gare"]
SHOTS = Path(os.environ.get("ABAQUE_SCREENSHOTS", "/work/shots/online"))


class Mailbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted"

    def wait_for(self, to, subject_start, timeout=20):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for message in self.messages:
                if message["To"] == to and message["Subject"].startswith(subject_start):
                    return re.search(r"https?://\S+", message.get_content()).group(0)
            time.sleep(0.1)
        raise AssertionError(f"no « {subject_start} » e-mail to {to}")


@contextlib.contextmanager
def server_with_mailbox(tmp_module_dir, **extra):
    """A server whose e-mails reach a real SMTP server (aiosmtpd), its
    scheduler off (the tests run its passes themselves), the séance seeded."""
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    env = server_env(
        tmp_module_dir,
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(controller.port),
        DEFAULT_FROM_EMAIL="consultation@pnr.fr",
        ABAQUE_SCHEDULER="0",
        **extra,
    )
    (server,), seeded = prepared_servers(env, {"participants": [], "items": ITEMS}, tmp_module_dir)
    try:
        yield server, seeded, env, mailbox
    finally:
        server.stop()
        controller.stop(no_assert=True)


@pytest.fixture(scope="module")
def online_server(tmp_module_dir):
    with server_with_mailbox(tmp_module_dir) as (server, seeded, _, mailbox):
        yield server, seeded, Database(sqlite_path=tmp_module_dir / "abaque.sqlite3"), mailbox


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def register(browser, url, mailbox, address, commune, screenshot=None):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(url)
    expect(page.locator("#information")).to_be_visible()  # the notice, before the form
    page.fill("#id_email", address)
    page.fill("#id_commune", commune)
    page.select_option("#id_category", "habitant")
    if screenshot:
        shot(page, screenshot)
    page.click("text=M'inscrire")
    expect(page.locator("[role=status]")).to_contain_text("Un e-mail vient de partir")
    page.goto(mailbox.wait_for(address, "Confirmez"))
    expect(page.locator(".card .level")).to_have_count(7)  # the ballot, as in the room
    return context, page, mailbox.wait_for(address, "Votre lien de vote")


def test_a_public_consultation_from_registration_to_published_results(browser, online_server):
    server, seeded, db, mailbox = online_server
    meeting = seeded["meeting"]
    staff = browser.new_context(viewport={"width": 1366, "height": 900})
    staff.add_cookies([{"name": "sessionid", "value": seeded["session"], "url": server.url}])
    desk = staff.new_page()
    desk.goto(f"{server.url}/seances/{meeting}/en-ligne/")
    expect(desk.locator("#id_anonymous")).to_be_checked()  # anonymous by default for the public
    desk.check("#id_proposals")
    desk.click("text=Enregistrer")
    public_url = desk.locator("a.mono").inner_text()

    léa, léa_page, léa_link = register(
        browser, public_url, mailbox, "lea@exemple.fr", "Autrans", "registration-phone-360x640"
    )
    vote(léa_page, ["VG", "G", "RR"])
    marc, marc_page, marc_link = register(browser, public_url, mailbox, "marc@exemple.fr", "Méaudre")
    vote(marc_page, ["VG", "G", "O"])
    zoé, zoé_page, _ = register(browser, public_url, mailbox, "zoe@exemple.fr", "Autrans")
    vote(zoé_page, ["VG", "RR", "VG"])  # a third opinion: two alone are too few for a verdict
    zoé.close()
    léa_id, marc_id, _ = [
        pk for (pk,) in db.rows("SELECT id FROM meetings_participant WHERE meeting_id = %s ORDER BY id", (meeting,))
    ]
    first = seeded["items"][0]

    # Léa comes back later, on another device, with the link of her e-mail.
    léa.close()
    léa = browser.new_context(**PHONE)
    léa_page = léa.new_page()
    léa_page.goto(léa_link)
    léa_page.locator(".overview .dot").nth(2).click()
    léa_page.locator(".card .level[data-code='G']").click()
    expect(léa_page.locator(".overview .dot.lv-G")).to_have_count(2)
    deadline = time.monotonic() + 10
    while db.votes_of(léa_id)[-1][1] != "G" and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [code for _, code in db.votes_of(léa_id)] == ["VG", "G", "G"]

    # She proposes an item; the facilitator accepts it; Marc votes it.
    léa_page.fill("#proposal-text", "Une navette le jour du marché")
    léa_page.click("text=Envoyer la proposition")
    expect(léa_page.locator(".phone-ok")).to_contain_text("votre proposition est envoyée")
    desk.goto(f"{server.url}/seances/{meeting}/items/")
    desk.click("button:has-text('Retenir')")
    expect(desk.locator("text=Une navette le jour du marché")).to_be_visible()
    marc_page.goto(marc_link)
    expect(marc_page.locator(".overview .dot")).to_have_count(4)
    marc_page.locator(".overview .dot").nth(3).click()
    expect(marc_page.locator(".card")).to_contain_text("Une navette le jour du marché")
    marc_page.locator(".card .level[data-code='VG']").click()
    deadline = time.monotonic() + 10
    while len(db.votes_of(marc_id)) < 4 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(db.votes_of(marc_id)) == 4

    # The closing time passes: the next vote is refused, nothing stored.
    db.rows("UPDATE meetings_meeting SET online_closes_at = '2000-01-01 00:00:00' WHERE id = %s", (meeting,))
    marc_page.locator(".overview .dot").first.click()
    marc_page.locator(".card .level[data-code='RR']").click()
    expect(marc_page.locator("#notice")).to_contain_text("La consultation en ligne est close")
    assert dict(db.votes_of(marc_id))[first] == "VG"

    # The facilitator watches, publishes; the public page shows the results.
    desk.goto(f"{server.url}/seances/{meeting}/en-ligne/")
    expect(desk.locator("#participation")).to_contain_text("Autrans")
    expect(desk.locator("#participation .figures")).to_contain_text("3 participants en ligne")
    shot(desk, "dashboard")
    desk.click("text=Publier les résultats")
    desk.click("text=page publique des résultats")
    expect(desk.locator("#consensus")).to_contain_text("Un café associatif dans chaque village")
    expect(desk.locator("h1")).to_have_text("Regards croisés")
    reader = browser.new_context(**PHONE).new_page()  # anyone, not logged in
    reader.goto(desk.url)
    expect(reader.locator("#consensus")).to_contain_text("Consensus pour")
    shot(reader, "public-results-360x640")
    staff.close()
    léa.close()
    marc.close()
