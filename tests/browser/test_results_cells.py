"""The results matrix without a title per cell: pointed at, a cell shows
« participant — level », read by results.js from its column header and the
levels beside the table (under the page's Content-Security-Policy)."""

from pathlib import Path

import pytest

from .conftest import prepared_servers, require_chromium, server_env

require_chromium()
pytestmark = pytest.mark.browser

SHOTS = Path("/work/shots/perf")
SPEC = {
    "participants": ["Anne Leroy", "Bruno Petit", "Chloé Martin"],
    "items": ["Un café associatif", "Un jardin partagé"],
    "rounds": [["VG G .", "RR W B"]],
}


@pytest.fixture(scope="module")
def server(tmp_module_dir):
    (server,), seeded = prepared_servers(server_env(tmp_module_dir), SPEC, tmp_module_dir)
    yield server, seeded
    server.stop()


def test_a_pointed_cell_names_its_participant_and_level(browser, server):
    server, seeded = server
    context = browser.new_context(locale="fr-FR")
    context.add_cookies([{"name": "sessionid", "value": seeded["session"], "url": server.url}])
    page = context.new_page()
    page.goto(f"{server.url}/seances/{seeded['meeting']}/resultats/?ordre=entered&colonnes=entered")
    table = page.locator("#results-matrix")
    assert table.locator("td.cell[title]").count() == 0
    cells = table.locator("tbody tr").first.locator("td.cell")
    cells.nth(1).hover()
    page.wait_for_function("() => document.querySelector('#results-matrix tbody td.cell[title]') !== null")
    assert cells.nth(1).get_attribute("title") == "Bruno Petit — Je suis d'accord"
    cells.nth(2).hover()
    page.wait_for_function("() => document.querySelectorAll('#results-matrix tbody td.cell[title]').length === 2")
    assert cells.nth(2).get_attribute("title") == "Chloé Martin — pas de vote"
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "results-cell-title.png"))
    context.close()
