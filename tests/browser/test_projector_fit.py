"""The projector always fits, in a real browser at 1280×720 and 1920×1080:
40 items of 40–120 characters and 40 participants, nothing cut off, nothing
outside the screen or outside a box that clips (overflow not visible).

Set ABAQUE_SHOTS=<dir> to keep a screenshot of each view."""

import os
import random
from pathlib import Path

import pytest

from .conftest import prepared_servers, require_chromium, server_env

require_chromium()
pytestmark = pytest.mark.browser

SIZES = [(1280, 720), (1920, 1080)]
WORDS = (
    "créer un lieu de rencontre ouvert aux habitants du village et aux nouveaux arrivants avec des "
    "ateliers partagés entre générations pour rompre l'isolement des personnes âgées le soir "
    "covoiturage solidaire vers le marché fonds d'initiatives citoyennes jardins communs épicerie"
).split()
FIRST = ["Anne", "Bruno", "Chantal", "David", "Émilie", "Farid", "Gaëlle", "Hugo", "Inès", "Jean-Baptiste"]
LAST = ["Leroy", "Petit", "Roux", "Girard", "Faure", "Benali", "Martin", "Lefèvre", "Moreau", "Dubois-Fontaine"]


def item_texts(n: int, seed: int = 8) -> list[str]:
    """n items of 40 to 120 characters, all lengths of the range present."""
    rng = random.Random(seed)
    texts = []
    for k in range(n):
        target = 40 + (80 * k) // max(n - 1, 1)
        words = [rng.choice(WORDS).capitalize()]
        while len(" ".join(words)) < target:
            words.append(rng.choice(WORDS))
        text = " ".join(words)[:target].rstrip()
        texts.append(text.ljust(target, "s"))
    rng.shuffle(texts)
    return texts


def names(n: int) -> list[str]:
    return [f"{FIRST[i % 10]} {LAST[(i // 10 + i) % 10]}" for i in range(n)]


def votes(n_items: int, n_people: int) -> list[str]:
    """Consensus for on one item in three, against on one in five, the rest split."""
    rows = []
    for i in range(n_items):
        if i % 3 == 0:
            codes = ["VG" if j % 4 else "G" for j in range(n_people)]
        elif i % 5 == 1:
            codes = ["RR" if j % 3 else "R" for j in range(n_people)]
        else:
            codes = [("VG", "RR", "O", "W", "B", "G", "R")[(i + j) % 7] for j in range(n_people)]
        rows.append(" ".join(codes))
    return rows


@pytest.fixture(scope="module")
def seances(tmp_module_dir):
    env = server_env(tmp_module_dir)
    people, texts = names(40), item_texts(40)
    specs = {
        "collection": {"participants": people, "items": texts},
        "vote": {"participants": people, "items": texts, "open": True},
        "results": {"participants": people, "items": texts, "rounds": [votes(40, 40)], "reveal": True},
        "two": {"participants": people[:6], "items": texts[:2], "rounds": [votes(2, 6)], "reveal": True},
        "evolution": {
            "participants": people[:12],
            "items": texts[:12],
            "rounds": [votes(12, 12), votes(12, 12)[4:7][::-1] + [votes(1, 12)[0]]],
            "round_items": [[4, 5, 6, 9]],
            "reveal": True,
            "phase": "evolution",
        },
    }
    from .conftest import abaque, seed

    abaque(env, "migrate", "--noinput")
    seeded = {name: seed(env, spec) for name, spec in specs.items()}
    (server,), _ = prepared_servers(env, {"participants": [], "items": []}, tmp_module_dir)
    yield server, seeded, texts, people
    server.stop()


# Every element matched by `selector`: its box, and the boxes that clip it
# (the viewport, and each ancestor whose overflow is not visible).
OUTSIDE = """(selector) => {
  const out = [];
  const inside = (r, b) => r.left >= b.left - 0.5 && r.right <= b.right + 0.5 && r.top >= b.top - 0.5 && r.bottom <= b.bottom + 0.5;
  for (const el of document.querySelectorAll(selector)) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) { out.push(["empty", el.textContent]); continue; }
    if (!inside(r, {left: 0, top: 0, right: innerWidth, bottom: innerHeight})) out.push(["viewport", el.textContent]);
    for (let a = el.parentElement; a; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX === "visible" && s.overflowY === "visible") continue;
      const b = a.getBoundingClientRect();
      const box = {left: b.left + a.clientLeft, top: b.top + a.clientTop};
      box.right = box.left + a.clientWidth; box.bottom = box.top + a.clientHeight;
      if (!inside(r, box)) out.push([a.tagName + "." + a.className, el.textContent]);
    }
  }
  return out;
}"""


def projector(browser, server, seeded, size):
    width, height = size
    context = browser.new_context(viewport={"width": width, "height": height})
    context.add_cookies([{"name": "sessionid", "value": seeded["session"], "url": server.url}])
    page = context.new_page()
    page.goto(f"{server.url}/seances/{seeded['meeting']}/projecteur/")
    page.wait_for_function("() => document.fonts.status === 'loaded'")
    page.wait_for_timeout(300)  # the fit that follows the fonts
    page.evaluate("() => window.abaqueFitProjector()")
    return context, page


def shot(page, name):
    folder = os.environ.get("ABAQUE_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"))


@pytest.mark.parametrize("size", SIZES, ids=["1280x720", "1920x1080"])
def test_the_collection_view_shows_forty_whole_items_with_their_numbers(browser, seances, size):
    server, seeded, texts, _ = seances
    context, page = projector(browser, server, seeded["collection"], size)
    shot(page, f"collection-40-{size[0]}x{size[1]}")
    assert page.locator(".pj-item-list .pj-text").all_inner_texts() == texts
    assert page.locator(".pj-item-list .pj-num").all_inner_texts() == [str(n) for n in range(1, 41)]
    assert page.evaluate(OUTSIDE, ".pj-item-list .pj-num, .pj-item-list .pj-text") == []
    sizes = page.evaluate(
        "() => [...document.querySelectorAll('.pj-item-list .pj-text')].map(e => parseFloat(getComputedStyle(e).fontSize))"
    )
    assert min(sizes) >= 16
    assert page.evaluate(OUTSIDE, ".pj-code") == []  # the way in stays on screen
    context.close()


def test_during_the_vote_the_items_are_listed_with_their_numbers(browser, seances):
    server, seeded, texts, _ = seances
    context, page = projector(browser, server, seeded["vote"], SIZES[0])
    shot(page, "vote-40-1280x720")
    assert "Votez maintenant" in page.inner_text("#projector")
    assert page.locator(".pj-item-list .pj-text").all_inner_texts() == texts
    assert page.evaluate(OUTSIDE, ".pj-item-list .pj-num, .pj-item-list .pj-text, .pj-count") == []
    context.close()


@pytest.mark.parametrize("size", SIZES, ids=["1280x720", "1920x1080"])
def test_the_results_show_the_forty_by_forty_matrix_and_every_consensus(browser, seances, size):
    server, seeded, _, people = seances
    context, page = projector(browser, server, seeded["results"], size)
    shot(page, f"results-40x40-{size[0]}x{size[1]}")
    assert sorted(page.locator(".pj-table tbody .pj-num").all_inner_texts(), key=int) == [str(n) for n in range(1, 41)]
    assert sorted(page.locator(".pj-table .pj-label").all_inner_texts()) == sorted(people)
    assert page.evaluate(OUTSIDE, ".pj-table .pj-num, .pj-table .pj-label, .pj-table td.cell") == []
    consensus_rows = page.locator(".pj-table tr.consensus_for, .pj-table tr.consensus_against").count()
    assert consensus_rows >= 15
    assert page.locator(".pj-consensus li .pj-text").count() == consensus_rows
    assert page.evaluate(OUTSIDE, ".pj-consensus h2, .pj-consensus .pj-num, .pj-consensus .pj-text") == []
    folder = os.environ.get("ABAQUE_SHOTS")
    if folder and size == SIZES[0]:
        page.locator(".pj-side").screenshot(path=str(Path(folder) / "consensus-panel-1280x720.png"))
    context.close()


def test_two_items_are_shown_whole_without_any_ellipsis(browser, seances):
    server, seeded, texts, _ = seances
    context, page = projector(browser, server, seeded["two"], SIZES[0])
    shot(page, "results-2-items-1280x720")
    assert not page.evaluate("() => document.getElementById('projector').classList.contains('pj-dense')")
    whole = page.evaluate(
        "() => [...document.querySelectorAll('.pj-table .pj-text')].every(e => e.scrollWidth <= e.clientWidth + 1"
        " && getComputedStyle(e).textOverflow !== 'ellipsis')"
    )
    assert whole
    assert sorted(page.locator(".pj-table .pj-text").all_inner_texts()) == sorted(texts[:2])
    assert page.evaluate(OUTSIDE, ".pj-table .pj-text, .pj-table .pj-num") == []
    context.close()


@pytest.mark.parametrize("size", SIZES, ids=["1280x720", "1920x1080"])
def test_the_evolution_between_two_rounds_is_a_projector_view(browser, seances, size):
    server, seeded, texts, _ = seances
    context, page = projector(browser, server, seeded["evolution"], size)
    shot(page, f"evolution-{size[0]}x{size[1]}")
    assert "Du tour 1 au tour 2" in page.inner_text(".pj-evo-title")
    # The séance's numbers: items 5, 6, 7 and 10 of round 1.
    assert sorted(page.locator(".pj-evo .pj-num").all_inner_texts(), key=int) == ["5", "6", "7", "10"]
    assert page.evaluate(OUTSIDE, ".pj-evo .pj-num, .pj-evo .pj-text, .pj-evo .distribution") == []
    context.close()
