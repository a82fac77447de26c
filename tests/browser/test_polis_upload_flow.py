"""In a real browser: the demo's results with its opinion groups, then a
Pol.is export uploaded from the séance list and its results with groups.

Data: /work/shared/data/polis/london.youth.policing, gathered using the Polis
software (compdemocracy.org/polis), sub-licensed under CC BY 4.0 with
Attribution to The Computational Democracy Project
(https://compdemocracy.org/case-studies/2022-london-youth-policing).
"""

import zipfile
from pathlib import Path

import pytest

from .conftest import require_chromium

POLIS = Path("/work/shared/data/polis/london.youth.policing")
SHOTS = Path("/work/shots/groups")
require_chromium()
pytestmark = [pytest.mark.browser, pytest.mark.skipif(not POLIS.is_dir(), reason="Pol.is open data missing")]


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=True)


def test_the_demo_and_an_uploaded_pol_is_export_show_their_groups(browser, empty_server, tmp_path):
    server, link = empty_server
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    page.set_default_timeout(120_000)  # loading the demo is slow on a loaded machine
    page.goto(server.url + link)
    page.fill("#id_structure_name", "Parc naturel régional Scarpe-Escaut")
    page.fill("#id_username", "claire")
    page.fill("#id_first_name", "Claire Morel")
    page.fill("#id_password1", "Scarpe-Escaut-2026")
    page.fill("#id_password2", "Scarpe-Escaut-2026")
    page.click("text=Créer le compte")
    page.click("text=Charger la démo")
    page.wait_for_selector("#results-matrix")
    assert page.locator("text=Groupes d'opinion").count() >= 1  # the section, or why there are none
    shot(page, "demo-results.png")

    archive = tmp_path / "london.youth.policing.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(POLIS.iterdir()):
            z.write(path, f"london.youth.policing/{path.name}")
    page.goto(server.url + "/seances/")
    page.click("text=Importer de Pol.is")
    page.set_input_files("#id_archive", str(archive))
    shot(page, "polis-upload-form.png")
    page.click("button:has-text('Importer')")
    page.wait_for_selector("#results-matrix")
    summary = page.locator("text=Importé de Pol.is").first.inner_text()
    assert "propositions" in summary and "participants" in summary and "votes" in summary
    assert page.locator("th.group-mark[title='Groupe A']").count() > 0
    shot(page, "polis-results-groups.png")

    page.goto(server.url + "/seances/importer-polis/")
    page.set_input_files("#id_archive", {"name": "faux.zip", "mimeType": "application/zip", "buffer": b"PK nope"})
    page.click("button:has-text('Importer')")
    assert "archive .zip lisible" in page.locator("[role=alert]").first.inner_text()
    shot(page, "polis-upload-error.png")
    page.close()
