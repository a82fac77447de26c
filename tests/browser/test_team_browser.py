"""Issue 14's promise in a real browser: an administrator invites a
facilitator and a reader (links shown to copy); the facilitator runs a
séance (items, open, one phone vote, close); the reader reads its results and
its compte-rendu, cannot change anything and sees no names in an anonymous
séance; a member of another structure gets 404 everywhere."""

import json
import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import Server, abaque, first_account_link, require_chromium, server_env
from .seance_flow import ITEMS, join, vote

require_chromium()
pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("ABAQUE_SCREENSHOTS") or "/work/shots/team")
PASSWORD = "Scarpe-Escaut-2026"

SEED = """
import json
from django.contrib.auth import get_user_model
from abaque.accounts.models import Membership, Structure
from abaque.meetings.models import Meeting
from tests.builders import add_action, make_process
from tests.conftest import build_meeting
admin = get_user_model().objects.get(username="claire")
process = make_process(admin, years=(2024,))
add_action(process.cycles.get(), "Un café associatif dans chaque village")
add_action(process.cycles.get(), "Covoiturage solidaire vers le marché")
anonymous = build_meeting(admin, title="Vote anonyme", mode=Meeting.Mode.ANONYMOUS, n_participants=3)
other = Structure.objects.create(name="Communauté de communes voisine", kind="cc")
outsider = get_user_model().objects.create_user("voisin", "voisin@cc.fr", "PASSWORD")
Membership.objects.create(user=outsider, structure=other, role="admin")
print(json.dumps({"process": process.pk, "anonymous": anonymous.pk}))
""".replace("PASSWORD", PASSWORD)


@pytest.fixture(scope="module")
def server(tmp_module_dir):
    env = server_env(tmp_module_dir / "data")
    link = first_account_link(env)
    server = Server(env, tmp_module_dir)
    yield server, env, link
    server.stop()


def login(browser, url, username):
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(url + "/connexion/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Se connecter')")
    return page


def accept(browser, link, username):
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.goto(link)
    page.fill("#id_username", username)
    page.fill("#id_new_password1", PASSWORD)
    page.fill("#id_new_password2", PASSWORD)
    page.click("button:has-text('Créer mon compte')")
    expect(page.locator("h1", has_text="Séances")).to_be_visible()
    return page


def test_a_park_team_runs_and_reads_a_seance(browser, server):
    server, env, first_link = server
    SHOTS.mkdir(parents=True, exist_ok=True)
    url = server.url

    admin = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    admin.goto(url + first_link)
    admin.fill("#id_structure_name", "Parc naturel régional Scarpe-Escaut")
    admin.fill("#id_first_name", "Claire Morel")
    admin.fill("#id_username", "claire")
    admin.fill("#id_password1", PASSWORD)
    admin.fill("#id_password2", PASSWORD)
    admin.click("text=Créer le compte")
    seeded = json.loads(abaque(env, "shell", "-c", SEED).strip().splitlines()[-1])

    admin.click("nav >> text=Membres")
    for name, role in (("Farid Benali", "facilitator"), ("Élise Vasseur", "reader")):
        admin.fill("#id_name", name)
        admin.select_option("#id_role", role)
        admin.click('button:has-text("Créer l\'invitation")')
        expect(admin.locator(".messages")).to_contain_text(f"transmettez le lien ci-dessous à {name}")
    links = admin.locator("input.invitation-link")
    expect(links).to_have_count(2)
    reader_link, facilitator_link = links.nth(0).input_value(), links.nth(1).input_value()
    admin.screenshot(path=str(SHOTS / "members.png"), full_page=True)

    # The facilitator runs a séance: items, open, one phone vote, close.
    farid = accept(browser, facilitator_link, "farid")
    farid.click("text=+ Nouvelle séance")
    farid.fill("#id_title", "Groupe test de Marchiennes")
    farid.fill("#id_question", "Selon vous, comment renforcer le lien social ?")
    farid.click("text=Créer la séance")
    meeting_id = int(farid.url.split("/seances/")[1].split("/")[0])
    farid.fill("#id_text", "Anne Leroy\nBruno Petit\nChantal Roux")
    farid.click("text=Voir l'aperçu")
    farid.click("text=Importer 3 participants")
    farid.click("text=Passer aux items")
    for text in ITEMS:
        farid.fill("#id_text", text)
        farid.press("#id_text", "Enter")
        expect(farid.locator(".item-list li", has_text=text)).to_have_count(1)
    farid.goto(f"{url}/seances/{meeting_id}/direct/")
    join_code = farid.locator(".join-code").first.inner_text().strip()
    _, phone = join(browser, url, join_code, "Anne Leroy")
    farid.click("button:has-text('Ouvrir le vote')")
    expect(phone.locator(".card .level")).to_have_count(7)
    vote(phone, ["VG", "G", "RR"])
    expect(phone.get_by_text("Merci, vous avez voté sur tous les items")).to_be_visible()
    farid.click("button:has-text('Clore le vote')")
    expect(farid.locator("button:has-text('Rouvrir le vote')")).to_be_visible()

    # The reader reads, changes nothing, sees no names in an anonymous séance.
    elise = accept(browser, reader_link, "elise")
    expect(elise.locator("text=+ Nouvelle séance")).to_have_count(0)
    elise.goto(f"{url}/seances/{meeting_id}/resultats/")
    expect(elise.locator("#results-matrix td.cell.lv-RR")).to_have_count(1)
    assert elise.goto(f"{url}/seances/{meeting_id}/compte-rendu/").status == 200
    for path in ("modifier/", "participants/", "direct/", "items/", "tours/1/grille/"):
        assert elise.goto(f"{url}/seances/{meeting_id}/{path}").status == 403, path
    expect(elise.locator("h1")).to_have_text("Action non permise")
    elise.goto(f"{url}/seances/{seeded['anonymous']}/resultats/")
    text = elise.locator("main").inner_text()
    assert "Anne Leroy" not in text and "Bruno Petit" not in text
    elise.goto(f"{url}/demarches/{seeded['process']}/")
    expect(elise.locator("h1")).to_be_visible()
    elise.screenshot(path=str(SHOTS / "reader-demarche.png"), full_page=True)
    assert elise.goto(f"{url}/demarches/{seeded['process']}/modifier/").status == 403

    # A member of another structure gets 404 everywhere.
    voisin = login(browser, url, "voisin")
    for path in (
        f"/seances/{meeting_id}/",
        f"/seances/{meeting_id}/resultats/",
        f"/seances/{meeting_id}/compte-rendu/",
        f"/seances/{meeting_id}/projecteur/",
        f"/seances/{seeded['anonymous']}/",
        f"/demarches/{seeded['process']}/",
        f"/demarches/{seeded['process']}/2024/",
    ):
        assert voisin.goto(url + path).status == 404, path
    expect(voisin.locator("text=Groupe test de Marchiennes")).to_have_count(0)
