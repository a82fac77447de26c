"""The séance of the README, played in English in a real browser: an
English-speaking facilitator creates the account and an English séance,
pastes the participants, types the items; phones whose browsers ask for
French join by the code and vote on an English ballot; the grid takes a
paper card; the vote is closed and revealed; the projector, the results,
the debate and the compte-rendu all read English."""

import subprocess

import pytest
from playwright.sync_api import expect

from .conftest import PHONE, require_chromium
from .seance_flow import shot

require_chromium()
pytestmark = pytest.mark.browser

PEOPLE = """Martine Lefebvre; élue
Nadia Belkacem; technicienne
Rachid Amrani; habitant"""
ITEMS = ["A community café in every village", "A fund for residents' own projects", "Car sharing to the station"]
ENGLISH = {"locale": "en-GB"}
FRENCH_PHONE = {**PHONE, "locale": "fr-FR"}  # the séance's language wins over the phone's


def phone_votes(browser, url, code, name, codes):
    context = browser.new_context(**FRENCH_PHONE)
    page = context.new_page()
    page.goto(url + "/rejoindre/")
    page.fill("#code", code)
    page.click("button[type=submit]")
    page.click(f"button.name:has-text('{name}')")
    expect(page.locator(".card .level").first).to_be_visible()
    expect(page.locator(".card .level").first).to_contain_text("I fully agree")
    expect(page.locator(".card .position")).to_have_text(f"Item 1 of {len(ITEMS)}")
    shot(page, "en-phone-ballot-360x640")
    for index, level in enumerate(codes):
        page.locator(".overview .dot").nth(index).click()
        page.locator(f".card .level[data-code='{level}']").click()
        expect(page.locator("#voting[data-advancing]")).to_have_count(0)
    expect(page.locator('.overview .dot[data-state="sent"]')).to_have_count(len(ITEMS))
    return context, page


def test_the_readme_seance_in_english(browser, empty_server, tmp_path):
    server, link = empty_server
    staff = browser.new_context(viewport={"width": 1366, "height": 800}, **ENGLISH)
    page = staff.new_page()
    page.goto(server.url + link)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.fill("#id_structure_name", "Scarpe-Escaut Regional Nature Park")
    page.fill("#id_username", "claire")
    page.fill("#id_first_name", "Claire Morel")
    page.fill("#id_password1", "Scarpe-Escaut-2026")
    page.fill("#id_password2", "Scarpe-Escaut-2026")
    page.click("button:has-text('Create the account')")
    page.click("text=Create a first session")

    expect(page.locator("#id_language")).to_have_value("en")  # the facilitator's language by default
    page.fill("#id_title", "Marchiennes test group")
    page.fill("#id_question", "In your view, how can we strengthen social ties together?")
    page.click("text=Create the session")

    page.fill("#id_text", PEOPLE)
    page.click("text=See the preview")
    expect(page.locator("text=3 lines ready to import")).to_be_visible()
    page.click("text=Import 3 participants")
    page.click("text=On to the items")
    for text in ITEMS:
        page.fill("#id_text", text)
        page.press("#id_text", "Enter")
        expect(page.locator(".item-list li", has_text=text)).to_be_visible()

    meeting = page.url.split("/seances/")[1].split("/")[0]
    projector = staff.new_page()
    projector.goto(f"{server.url}/seances/{meeting}/projecteur/")
    expect(projector.locator("body")).to_contain_text("Scan, or open")
    code = projector.locator(".pj-code").inner_text()
    page.goto(f"{server.url}/seances/{meeting}/")
    page.click("button:has-text('Open the vote')")

    phones = [
        phone_votes(browser, server.url, code, "Martine Lefebvre", ["VG", "G", "RR"]),
        phone_votes(browser, server.url, code, "Nadia Belkacem", ["VG", "O", "R"]),
    ]
    expect(projector.locator('[data-progress="finished"]')).to_have_text("2")

    # Rachid votes with paper cards: the facilitator types them in the grid.
    page.goto(f"{server.url}/seances/{meeting}/tours/1/grille/")
    expect(page.locator("body")).to_contain_text("I fully agree")
    for row, key in enumerate(("1", "1", "5")):  # Rachid's column is the third
        page.locator("#vote-grid td.cell").nth(row * 3 + 2).click()
        page.keyboard.press(key)
    page.wait_for_function("() => document.querySelectorAll('#vote-grid td.cell.saving').length === 0")

    page.goto(f"{server.url}/seances/{meeting}/")
    page.click("button:has-text('Close the vote')")
    expect(phones[0][1].locator(".closed-text")).to_contain_text("closed")
    page.click("button:has-text('Show the results on the projector')")
    expect(projector.locator("table.pj-table td.cell")).to_have_count(len(ITEMS) * 3)
    expect(projector.locator(".pj-legend")).to_contain_text("I'd rather not answer")
    expect(phones[0][1].locator("body")).to_contain_text("Look at the screen")
    shot(projector, "en-projector-results")

    page.goto(f"{server.url}/seances/{meeting}/resultats/")
    expect(page.locator("#results-matrix")).to_contain_text("Consensus for")
    expect(page.locator("body")).to_contain_text("Distribution")
    shot(page, "en-results")
    page.goto(f"{server.url}/seances/{meeting}/debat/")
    expect(page.locator("h1, h2").first).to_be_visible()
    expect(page.locator("body")).to_contain_text("Agenda")

    page.goto(f"{server.url}/seances/{meeting}/compte-rendu/")
    expect(page.locator("h1, h2").first).to_be_visible()
    expect(page.locator("body")).to_contain_text("Report")
    answer = staff.request.get(f"{server.url}/seances/{meeting}/compte-rendu/telecharger/pdf/")
    assert answer.ok and answer.headers["content-type"] == "application/pdf"
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(answer.body())
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "In your view, how can we strengthen social ties together?" in text
    assert "I fully agree" in text and "Participants" in text
    assert "Je suis tout à fait d'accord" not in text
    for context, _ in phones:
        context.close()
    staff.close()
