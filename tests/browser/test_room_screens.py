"""The room's pages in a real browser, with the demo loaded: the « Démo »
label and its removal, the import's duplicate warning, the mailing page
with no mail server, and the results page read under a deuteranopia
simulation (symbols and counts, not colour alone). Screenshots are saved
under ABAQUE_SHOTS (default /work/shots/room) to be looked at."""

import os
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from .conftest import Server, abaque, free_port, require_chromium, seed, server_env

require_chromium()
pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("ABAQUE_SHOTS", "/work/shots/room"))
# Machado, Oliveira & Fernandes (2009), deuteranopia at full severity, on linear RGB.
DEUTERANOPIA = np.array(
    [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]]
)


def simulate_deuteranopia(source: Path, target: Path) -> None:
    rgb = np.asarray(Image.open(source).convert("RGB"), dtype=np.float64) / 255
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    seen = np.clip(linear @ DEUTERANOPIA.T, 0, 1)
    srgb = np.where(seen <= 0.0031308, seen * 12.92, 1.055 * seen ** (1 / 2.4) - 0.055)
    Image.fromarray((srgb * 255).round().astype(np.uint8)).save(target)


@pytest.fixture(scope="module")
def demo_server(tmp_module_dir):
    # Nothing listens on the mail port: the mailing page must say so before sending.
    env = server_env(tmp_module_dir, EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(free_port()))
    abaque(env, "migrate", "--noinput")
    seeded = seed(env, {"participants": ["Anne Leroy", "Bruno Petit"], "items": ["Un café associatif"]})
    abaque(env, "demo", "--user", "animatrice")
    server = Server(env, tmp_module_dir)
    yield server, seeded
    server.stop()


def test_the_room_pages_with_the_demo(browser, demo_server):
    server, seeded = demo_server
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": "sessionid", "value": seeded["session"], "url": server.url}])
    page = context.new_page()

    page.goto(server.url + "/seances/")
    assert page.locator("table.list .badge.demo").count() >= 6
    assert page.locator("button", has_text="Recharger la démo").is_visible()
    assert page.locator("a", has_text="Retirer la démo").is_visible()
    page.screenshot(path=str(SHOTS / "demo-list.png"), full_page=True)

    # The import's duplicate warning.
    page.goto(f"{server.url}/seances/{seeded['meeting']}/participants/importer/")
    page.fill("#id_text", "Anne Leroy\nClaire Vasseur; claire@exemple.fr\nclaire  VASSEUR\nDavid Girard")
    page.click("text=Revoir l'aperçu")
    assert page.locator("#import-duplicates").is_visible()
    assert page.locator("button", has_text="Importer 2 participants, sans les doublons").is_visible()
    page.screenshot(path=str(SHOTS / "import-duplicates.png"), full_page=True)

    # The results of the demo séance, then as a deuteranope sees them.
    page.goto(server.url + "/seances/")
    page.locator("table.list a", has_text="Regards croisés — lien social").first.click()
    demo_url = page.url.rstrip("/")
    page.goto(demo_url + "/resultats/")
    segments = page.locator(".distribution span")
    texts = set(segments.all_inner_texts())
    assert any(t.startswith("+\u202f") for t in texts) and any(t.startswith("\u2212\u202f") for t in texts)
    badges = page.locator("span.verdict")
    assert badges.count() > 0
    assert all(
        content not in ("none", "normal", "")
        for content in badges.evaluate_all("(els) => els.map((el) => getComputedStyle(el, '::before').content)")
    )
    page.screenshot(path=str(SHOTS / "results.png"))
    simulate_deuteranopia(SHOTS / "results.png", SHOTS / "results-deuteranopia.png")

    # The mailing page with no mail server.
    page.goto(demo_url + "/compte-rendu/envoyer/")
    assert "Aucun serveur d'envoi joignable" in page.inner_text("#mail-server")
    assert page.locator("button[type=submit]", has_text="Envoyer").is_disabled()
    page.screenshot(path=str(SHOTS / "mailing-no-server.png"), full_page=True)

    # Removing the demo: a confirmation, then only the demo goes.
    page.goto(server.url + "/seances/")
    page.click("text=Retirer la démo")
    page.screenshot(path=str(SHOTS / "demo-remove-confirm.png"))
    page.click("button:has-text('Retirer la démo')")
    page.wait_for_url("**/seances/")
    assert page.locator(".badge.demo").count() == 0
    assert page.locator("table.list a", has_text="Regards croisés").count() == 1  # the seeded séance stays
    context.close()
