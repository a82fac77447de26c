"""« Accompagnement » in a real browser: the administrator of a communauté de
communes shares its local démarche in reading with the park from the
démarche page, reads the page in English too, then the park's facilitator
finds it in the list marked « partagée par … » and reads it without a single
control to change it."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import Server, abaque, require_chromium, server_env

require_chromium()
pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("ABAQUE_SCREENSHOTS") or "/work/shots/plans")
PASSWORD = "Sancy-Volcans-2026"

SEED = """
from django.contrib.auth import get_user_model
from abaque.accounts.models import Membership, Structure
from abaque.accounts.structures import own_structure
from tests.builders import add_action, make_process
User = get_user_model()
claire = User.objects.create_user("claire", "claire@cc-sancy.fr", "PASSWORD", first_name="Claire Morel")
cc = own_structure(claire)
cc.name, cc.kind = "Communauté de communes du Sancy", "cc"
cc.save()
process = make_process(claire, title="Vivre ensemble au Sancy", park="Communauté de communes du Sancy")
add_action(process.cycles.get(), "Un café associatif dans chaque village")
park = Structure.objects.create(name="Parc naturel régional des Volcans d'Auvergne")
paul = User.objects.create_user("paul", "paul@parc-volcans.fr", "PASSWORD", first_name="Paul Roux")
Membership.objects.create(user=paul, structure=park, role="facilitator")
print(process.pk)
""".replace("PASSWORD", PASSWORD)


@pytest.fixture(scope="module")
def server(tmp_module_dir):
    env = server_env(tmp_module_dir / "data")
    abaque(env, "migrate", "--noinput")
    process_id = int(abaque(env, "shell", "-c", SEED).strip().splitlines()[-1])
    server = Server(env, tmp_module_dir)
    yield server, process_id
    server.stop()


def login(browser, url, username):
    page = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-FR").new_page()
    page.goto(url + "/connexion/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button:has-text('Se connecter')")
    return page


def test_a_local_demarche_is_shared_with_the_park_and_read_there(browser, server):
    server, process_id = server
    SHOTS.mkdir(parents=True, exist_ok=True)
    detail = f"{server.url}/demarches/{process_id}/"

    claire = login(browser, server.url, "claire")
    claire.goto(detail)
    claire.select_option("#share-structure", label="Parc naturel régional des Volcans d'Auvergne")
    claire.click("button:has-text('Partager')")
    expect(claire.locator("ul.messages")).to_contain_text(
        "Démarche partagée en lecture avec Parc naturel régional des Volcans d'Auvergne."
    )
    expect(claire.locator("#accompagnement + ul")).to_contain_text("Partagée en lecture avec Parc naturel régional")
    expect(claire.locator(".journal")).to_contain_text("a partagé la démarche en lecture")
    claire.screenshot(path=str(SHOTS / "demarche-shared-fr.png"), full_page=True)

    claire.click("button[name=language][value=en]")
    claire.goto(detail)
    expect(claire.get_by_role("heading", name="Steering", exact=True)).to_be_visible()
    expect(claire.locator("#accompagnement")).to_have_text("Support")
    expect(claire.locator("body")).to_contain_text("Shared read-only with Parc naturel régional des Volcans d'Auvergne")
    claire.screenshot(path=str(SHOTS / "demarche-shared-en.png"), full_page=True)

    paul = login(browser, server.url, "paul")
    paul.goto(server.url + "/demarches/")
    row = paul.locator("tr", has_text="Vivre ensemble au Sancy")
    expect(row).to_contain_text("partagée par Communauté de communes du Sancy")
    paul.screenshot(path=str(SHOTS / "park-list.png"), full_page=True)
    row.locator("a").first.click()
    expect(paul.locator(".process-head")).to_contain_text(
        "Démarche partagée par Communauté de communes du Sancy, en lecture seule"
    )
    assert paul.locator("main form[method=post]").count() == 0
    paul.screenshot(path=str(SHOTS / "park-reads-demarche.png"), full_page=True)
    paul.click("nav.tabs a:has-text('2024')")
    expect(paul.locator("h2", has_text="Plan d'action 2024")).to_be_visible()
    assert paul.locator("main form[method=post]").count() == 0
    paul.screenshot(path=str(SHOTS / "park-reads-plan.png"), full_page=True)

    claire.click("button:has-text('stop sharing')")
    expect(claire.locator("body")).to_contain_text(
        "Sharing with Parc naturel régional des Volcans d'Auvergne has stopped."
    )
    response = paul.request.get(detail)
    assert response.status == 404
