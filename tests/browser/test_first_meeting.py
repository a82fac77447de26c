"""Issue 2's promise, in a real browser: from an empty installation, create
the account, a séance, six participants by pasting, ten items typed with
Enter, the whole grid typed on the keyboard, then read the ordered matrix —
without reading any documentation."""

import re

import pytest

from .conftest import require_chromium

require_chromium()
pytestmark = pytest.mark.browser

PEOPLE = """Martine Lefebvre; élue; martine@exemple.fr
Nadia Belkacem; technicienne
Rachid Amrani; acteur
Lucie Moreau; habitante
Kevin Lemaire; habitant
Paul Hennebert; autre"""
ITEMS = [f"Idée numéro {n} pour le lien social" for n in range(1, 11)]


def test_a_newcomer_runs_a_first_meeting_with_the_keyboard(browser, empty_server):
    server, link = empty_server
    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(server.url + link)
    page.fill("#id_structure_name", "Parc naturel régional Scarpe-Escaut")
    page.fill("#id_username", "claire")
    page.fill("#id_first_name", "Claire Morel")
    page.fill("#id_password1", "Scarpe-Escaut-2026")
    page.fill("#id_password2", "Scarpe-Escaut-2026")
    page.click("text=Créer le compte")
    page.click("text=Créer une première séance")

    page.fill("#id_title", "Groupe test de Marchiennes")
    page.fill("#id_place", "Salle des fêtes")
    page.fill("#id_question", "Selon vous, comment renforcer le lien social ?")
    page.click("text=Créer la séance")

    page.fill("#id_text", PEOPLE)
    page.click("text=Voir l'aperçu")
    assert page.locator("text=6 lignes prêtes à importer").is_visible()
    page.click("text=Importer 6 participants")
    assert page.locator("h2", has_text="6 participants").is_visible()

    page.click("text=Passer aux items")
    for text in ITEMS:
        page.fill("#id_text", text)
        page.press("#id_text", "Enter")
        page.wait_for_selector(f".item-list li:has-text('{text}')")
    assert page.locator(".item-list li").count() == 10
    assert page.locator("h2", has_text="10 items").is_visible()

    page.click("text=Passer au vote")
    # The grid takes the cards once the vote is open, as the phones do.
    page.click("button:has-text('Ouvrir le vote')")
    page.wait_for_selector("#vote-grid[data-readonly='0'] td.cell")
    page.locator("#vote-grid td.cell").first.click()
    # Row by row, the colours raised in the room: items 1–4 green, 5–7 split, 8–10 red.
    for row in range(10):
        keys = "1212121" if row < 4 else ("1515151" if row < 7 else "5454545")
        for key in keys[:6]:
            page.keyboard.press(key)
    page.wait_for_function("() => document.querySelectorAll('#vote-grid td.cell.saving').length === 0")
    page.wait_for_function("() => !document.querySelector('#vote-grid td.empty')")
    assert page.locator("#grid-status").inner_text() == ""

    page.click("text=Voir la matrice des résultats")
    page.wait_for_selector("#results-matrix")
    page.wait_for_load_state()  # the select sends its form through a deferred script, run before « load »
    page.select_option("select[name=ordre]", "mean")
    page.wait_for_url(re.compile(r"ordre=mean"))
    rows = page.locator("#results-matrix tbody tr")
    assert rows.count() == 10
    assert page.locator("#results-matrix td.cell.lv-VG").count() == 4 * 3 + 3 * 3
    assert "Consensus pour" in rows.first.inner_text()
    assert "Consensus contre" in rows.last.inner_text()
    assert page.locator("#results-matrix tr.dissensus").count() == 3
