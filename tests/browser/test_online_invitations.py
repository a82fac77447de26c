"""An online consultation on invitation, in a real browser: the facilitator
opens it and invites two people; at the opening each receives a personal
link (a real SMTP server, aiosmtpd); one votes everything, the other only
one item; two days later the reminder goes to her alone, and her link
brings back her vote. The scheduler's passes are run at chosen times, as
its thread would run them."""

import json
import subprocess

import pytest
from playwright.sync_api import expect

from .conftest import PHONE, PYTHON, ROOT, require_chromium
from .seance_flow import vote
from .test_online_consultation import server_with_mailbox, shot

require_chromium()
pytestmark = pytest.mark.browser

TICK = """
import json, sys
from datetime import timedelta
import django
django.setup()
from django.utils import timezone
from abaque.online import scheduler
print(json.dumps(scheduler.tick(timezone.now() + timedelta(days=float(sys.argv[1])))))
"""


@pytest.fixture(scope="module")
def invitation_server(tmp_module_dir):
    with server_with_mailbox(tmp_module_dir, DJANGO_SETTINGS_MODULE="abaque.settings") as found:
        yield found


def scheduler_pass(env, days_later=0.0) -> dict:
    done = subprocess.run(
        [PYTHON, "-c", TICK, str(days_later)], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_invitations_then_a_reminder_to_the_one_who_has_not_finished(browser, invitation_server):
    server, seeded, env, mailbox = invitation_server
    meeting = seeded["meeting"]
    staff = browser.new_context(viewport={"width": 1366, "height": 900})
    staff.add_cookies([{"name": "sessionid", "value": seeded["session"], "url": server.url}])
    desk = staff.new_page()
    desk.goto(f"{server.url}/seances/{meeting}/en-ligne/")
    desk.select_option("#id_kind", "invitation")
    desk.uncheck("#id_anonymous")  # nominative: the facilitator sees who has finished
    desk.fill("#id_reminder_every_days", "2")
    desk.fill("#id_max_reminders", "1")
    desk.click("text=Enregistrer")
    desk.fill("#id_addresses", "Zoé Martin <zoe@exemple.fr>\nLéa Roux <lea@exemple.fr>")
    desk.click("button:has-text('Inviter')")
    invitations = desk.locator("table.list", has_text="Relances")
    expect(invitations).to_contain_text("Zoé Martin")
    expect(invitations).to_contain_text("à l'ouverture")

    assert scheduler_pass(env)["invitations"] == 2  # the phase is open: both links leave
    zoé_link = mailbox.wait_for("zoe@exemple.fr", "")
    léa_link = mailbox.wait_for("lea@exemple.fr", "")
    assert zoé_link != léa_link
    assert scheduler_pass(env)["invitations"] == 0  # sent once

    zoé = browser.new_context(**PHONE)
    zoé_page = zoé.new_page()
    zoé_page.goto(zoé_link)
    expect(zoé_page.locator(".card .level")).to_have_count(7)
    vote(zoé_page, ["VG", "G", "O"])
    léa = browser.new_context(**PHONE)
    léa_page = léa.new_page()
    léa_page.goto(léa_link)
    vote(léa_page, ["RR"])
    léa.close()

    assert scheduler_pass(env, 1)["reminders"] == 0  # not due yet
    assert scheduler_pass(env, 2.01)["reminders"] == 1
    reminders = [m for m in mailbox.messages if m["Subject"].startswith("Rappel")]
    assert [m["To"] for m in reminders] == ["lea@exemple.fr"]
    assert scheduler_pass(env, 4.02)["reminders"] == 0  # one reminder at most

    # Léa follows the reminder: her earlier vote is there, she finishes.
    léa = browser.new_context(**PHONE)
    léa_page = léa.new_page()
    léa_page.goto(mailbox.wait_for("lea@exemple.fr", "Rappel"))
    expect(léa_page.locator(".overview .dot.lv-RR")).to_have_count(1)
    léa_page.locator(".overview .dot").nth(1).click()
    léa_page.locator(".card .level[data-code='G']").click()
    expect(léa_page.locator("#voting[data-advancing]")).to_have_count(0)
    léa_page.locator(".overview .dot").nth(2).click()
    léa_page.locator(".card .level[data-code='G']").click()
    expect(léa_page.locator(".overview .dot.lv-G")).to_have_count(2)

    desk.reload()
    rows = invitations.locator("tbody tr")
    expect(rows.filter(has_text="Léa Roux")).to_contain_text("oui")
    expect(rows.filter(has_text="Léa Roux").locator("td.num")).to_have_text("1")
    expect(rows.filter(has_text="Zoé Martin")).to_contain_text("oui")
    shot(desk, "invitations-dashboard")
    staff.close()
    zoé.close()
    léa.close()
