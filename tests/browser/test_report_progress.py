"""The compte-rendu's PDF prepared in the background, in a real browser: a
40 × 40 séance (seconds of work), the bar moving through the stages, then
the link to the document; in French, then for a facilitator whose menu is
in English. Screenshots under ABAQUE_SHOTS (default /work/shots/reports)."""

import os
import random
import re
import urllib.request
from pathlib import Path

import pytest

from .conftest import prepared_servers, require_chromium, server_env

require_chromium()
pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("ABAQUE_SHOTS", "/work/shots/reports"))
N = 40
CODES = ("VG", "G", "O", "R", "RR", "W", "B")

# Records every state the progress box shows, from the page itself (the
# poll runs every 400 ms: a Python loop could miss the short ones).
WATCH = """() => {
  window.seenStates = [];
  const box = document.querySelector(".prepare-status");
  const note = () => window.seenStates.push({
    value: box.querySelector("progress").value,
    text: box.querySelector(".prepare-text").textContent,
    linkShown: box.querySelector(".prepare-link").checkVisibility(),  // as drawn, CSS included
  });
  new MutationObserver(note).observe(box, { subtree: true, childList: true, characterData: true, attributes: true });
}"""


@pytest.fixture(scope="module")
def big_server(tmp_module_dir):
    rng = random.Random(40)
    rows = [" ".join(rng.choice(CODES) for _ in range(N)) for _ in range(N)]
    spec = {
        "participants": [f"Participant {i + 1}" for i in range(N)],
        "items": [f"Proposition numéro {i + 1} pour renforcer le lien social dans les hameaux" for i in range(N)],
        "rounds": [rows],
    }
    [server], seeded = prepared_servers(server_env(tmp_module_dir), spec, tmp_module_dir)
    yield server, seeded
    server.stop()


def prepare(page, server, seeded, shot):
    page.goto(f"{server.url}/seances/{seeded['meeting']}/compte-rendu/")
    page.evaluate(WATCH)
    page.locator("form.prepare button[type=submit]").click()
    page.wait_for_function("() => window.seenStates.some((s) => s.value > 0 && s.value < 100)", timeout=30_000)
    page.screenshot(path=str(SHOTS / f"{shot}-running.png"))
    link = page.locator(".prepare-link")
    link.wait_for(state="visible", timeout=120_000)
    page.screenshot(path=str(SHOTS / f"{shot}-done.png"))
    return page.evaluate("() => window.seenStates"), link


def test_the_bar_moves_through_the_stages_then_offers_the_pdf(browser, big_server):
    server, seeded = big_server
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_cookies(
        [
            {"name": "sessionid", "value": seeded["session"], "url": server.url},
            {"name": "django_language", "value": "fr", "url": server.url},
        ]
    )
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    seen, link = prepare(page, server, seeded, "prepare-fr")
    values = [s["value"] for s in seen]
    running = [v for v in values if 0 < v < 100]
    assert len(set(running)) >= 2, values  # the bar moved, not one jump to the end
    assert running == sorted(running), values  # and never went back
    assert values[-1] == 100 and seen[-1]["linkShown"]
    assert not any(s["linkShown"] for s in seen if s["value"] < 100)  # no link before the document exists
    assert any(re.search(r"(Mettre en page|Écrire le fichier|Composer le document)… \d+ %", s["text"]) for s in seen)
    assert re.fullmatch(r"Prêt en \d+(,\d)? s", page.locator(".prepare-text").inner_text())
    href = link.get_attribute("href")
    cookie = f"sessionid={seeded['session']}"
    with urllib.request.urlopen(urllib.request.Request(server.url + href, headers={"Cookie": cookie})) as response:
        assert response.read(5) == b"%PDF-"

    # A facilitator whose menu is in English: the stages and the end in English.
    context.add_cookies([{"name": "django_language", "value": "en", "url": server.url}])
    seen, link = prepare(page, server, seeded, "prepare-en")
    assert any(
        re.search(r"(Laying out the pages|Writing the file|Composing the document)… \d+ %", s["text"]) for s in seen
    )
    assert re.fullmatch(r"Ready in \d+(\.\d)? s", page.locator(".prepare-text").inner_text())
    assert not errors, errors
    context.close()
