"""Accessibility in the real browser: axe-core (from axe-playwright-python)
audits every page with the rules of WCAG 2.2 A and AA, in French and in
English, and expects no violation. The pages are those of the ONE table of
tests/accounts/test_url_walk.py that serve HTML, in its world (seeded in the
server's database by tests/browser/seed.py), plus the live séance's phone
pages and projector, during the vote and with results."""

import json
import os
from collections import defaultdict
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import Server, abaque, require_chromium, seed, server_env

require_chromium()
pytestmark = pytest.mark.browser

SHOTS = Path(os.environ.get("ABAQUE_SHOTS", "/work/shots/a11y"))
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]}


@pytest.fixture(scope="module")
def world_server(tmp_module_dir):
    env = server_env(tmp_module_dir)
    abaque(env, "migrate", "--noinput")
    seeded = seed(env, {"world": True})
    server = Server(env, tmp_module_dir)
    yield server, seeded
    server.stop()


def new_context(browser, server, seeded, language, public=False, **options):
    """A context that may inject axe despite the pages' CSP, in `language`,
    logged in as the world's administrator unless `public`."""
    options.setdefault("viewport", {"width": 1280, "height": 900})
    context = browser.new_context(bypass_csp=True, **options)
    cookies = [{"name": "django_language", "value": language, "url": server.url}]
    if not public:
        cookies.append({"name": "sessionid", "value": seeded["session"], "url": server.url})
    context.add_cookies(cookies)
    return context


def audit(page) -> list[dict]:
    return Axe().run(page, options=AXE_OPTIONS).response["violations"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_page_passes_the_wcag_22_aa_audit(browser, world_server, language):
    server, seeded = world_server
    pages = seeded["pages"] + seeded["live"][language]
    contexts = {public: new_context(browser, server, seeded, language, public=public) for public in (True, False)}
    found = defaultdict(list)  # rule id -> "page: target" lines
    audited = 0
    for entry in pages:
        page = contexts[entry["public"]].new_page()
        response = page.goto(server.url + entry["path"], wait_until="load")
        assert response is not None and response.status == 200, f"{entry['path']}: {response and response.status}"
        page.wait_for_timeout(150)  # the scripts' first paint (ballot, projector, grid)
        for violation in audit(page):
            for node in violation["nodes"]:
                found[violation["id"]].append(f"{entry['name']} {entry['path']}: {node['target']} {node['html'][:160]}")
        audited += 1
        page.close()
    for context in contexts.values():
        context.close()
    summary = {rule: len(lines) for rule, lines in sorted(found.items())}
    print(f"\naxe WCAG 2.2 AA, {language}: {audited} pages audited, violations by rule: {summary}")
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / f"axe-{language}.json").write_text(json.dumps({"audited": audited, "found": found}, indent=1))
    assert audited >= 60, "the table's pages were not all found"
    assert not found, "\n".join(f"{rule}:\n  " + "\n  ".join(lines[:8]) for rule, lines in found.items())


def test_the_audit_finds_what_it_must(browser):
    """The audit is not blind: a page with faint text, an unnamed button and
    an image without text fails the same rules."""
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.set_content(
        '<!doctype html><html lang="fr"><title>t</title><main><p style="color:#aaa;background:#fff">pâle</p>'
        '<button></button><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></main></html>'
    )
    found = {violation["id"] for violation in audit(page)}
    context.close()
    assert {"color-contrast", "button-name", "image-alt"} <= found, found


def active(page) -> dict:
    """What has the keyboard focus: its tag, classes, accessible text and place."""
    return page.evaluate(
        """() => { const el = document.activeElement; return { tag: el.tagName, cls: el.className,
        label: el.getAttribute('aria-label') || '', text: el.textContent.trim(), code: el.dataset.code || '',
        inBallot: !!el.closest('#ballot') }; }"""
    )


def test_the_phone_ballot_with_the_keyboard_alone(browser, world_server):
    """Tab to a colour, Enter: the vote goes, the ballot moves on and the
    focus stays in the ballot, on the next item, so the keyboard (or a
    screen reader) votes every item without a mouse or a finger. Each
    colour button is named by its label."""
    from abaque.scale import LEVELS

    server, seeded = world_server
    context = new_context(browser, server, seeded, "fr", public=True, viewport={"width": 360, "height": 640})
    page = context.new_page()
    token = seeded["live"]["fr_ids"]["token"]
    page.goto(f"{server.url}/b/{token}/")
    page.wait_for_selector("button.level")
    for level in LEVELS:  # the accessible name is the label, not the symbol
        assert page.get_by_role("button", name=level.label, exact=True).count() == 1, level.label
    items = page.evaluate("() => JSON.parse(document.getElementById('ballot-state').textContent).items.length")
    for number in range(1, items + 1):
        for _ in range(30):
            if "level" in active(page)["cls"]:
                break
            page.keyboard.press("Tab")
        focused = active(page)
        assert "level" in focused["cls"], f"item {number}: Tab never reached a colour ({focused})"
        assert page.inner_text(".card .position").startswith(f"Item {number} sur")
        page.keyboard.press("Enter")
        page.wait_for_function("() => !document.getElementById('voting').dataset.advancing")
        page.wait_for_timeout(650)  # the ballot's settling delay after it moved on
        after = active(page)
        assert after["inBallot"], f"item {number}: after the vote the focus fell out of the ballot ({after})"
    page.wait_for_selector(".end-screen")
    assert page.locator(".dot.sent").count() == items
    assert audit(page) == [], "the ballot's end screen"
    context.close()


def test_the_vote_grid_with_the_keyboard_alone(browser, world_server):
    """The grid takes the focus on its first empty cell; a key types a colour,
    the arrows move; every cell names its item, its participant and its value."""
    server, seeded = world_server
    context = new_context(browser, server, seeded, "fr")
    page = context.new_page()
    page.goto(f"{server.url}/seances/{seeded['live']['fr_ids']['voting']}/tours/1/grille/")
    page.wait_for_function("() => document.activeElement.matches('td.cell')")
    headers = """() => { const cell = document.activeElement, row = cell.parentElement;
        return [row.cells[0].textContent.replace(/^\\s*\\d+\\.\\s*/, '').trim(),
                document.querySelector('#vote-grid thead tr').cells[cell.cellIndex].textContent.trim()]; }"""
    item, person = page.evaluate(headers)
    first = active(page)
    assert item in first["label"] and person in first["label"], first
    assert "vide" in first["label"], f"an empty cell says it is empty: {first}"
    page.keyboard.press("2")  # « Je suis d'accord »
    page.wait_for_function("() => !document.querySelector('td.cell.saving')")
    page.keyboard.press("ArrowLeft")
    back = active(page)
    assert back["code"] == "G", back
    assert item in back["label"] and person in back["label"] and "Je suis d'accord" in back["label"], back
    page.keyboard.press("ArrowDown")
    below_item, below_person = page.evaluate(headers)
    below = active(page)
    assert below_item != item and below_person == person
    assert below_item in below["label"] and person in below["label"], below
    assert audit(page) == [], "the grid after a vote typed in it"
    context.close()


FOCUS_RING = """() => {
  const el = document.activeElement, style = getComputedStyle(el);
  const rgb = (text) => (text.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  let ground = 'rgb(255, 255, 255)';
  for (let node = el.parentElement; node; node = node.parentElement) {
    const bg = getComputedStyle(node).backgroundColor;
    if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') { ground = bg; break; }
  }
  const width = parseFloat(style.outlineWidth) || 0;
  return { what: el.outerHTML.slice(0, 120), body: el === document.body,
           ring: style.outlineStyle !== 'none' && width >= 2, contrast: ratio(rgb(style.outlineColor), rgb(ground)) };
}"""


@pytest.mark.parametrize("which", ["list", "detail", "results", "ballot", "grid", "login"])
def test_the_focus_is_visible_on_every_interactive_element(browser, world_server, which):
    """Tab through the page: every element reached draws a ring of at least
    2 px whose colour stands out 3:1 from the ground around it (WCAG 1.4.11)."""
    server, seeded = world_server
    ids = seeded["live"]["en_ids"]
    path = {
        "list": "/seances/",
        "detail": f"/seances/{ids['shown']}/",
        "results": f"/seances/{ids['shown']}/resultats/",
        "ballot": f"/b/{ids['token']}/",
        "grid": f"/seances/{ids['voting']}/tours/1/grille/",
        "login": "/connexion/",
    }[which]
    context = new_context(browser, server, seeded, "fr", public=which in ("ballot", "login"))
    page = context.new_page()
    page.goto(server.url + path)
    page.wait_for_timeout(200)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    bad, seen, ends = [], 0, 0
    for _ in range(40):
        page.keyboard.press("Tab")
        ring = page.evaluate(FOCUS_RING)
        if ring["body"]:  # past the last element: once round the page is enough
            ends += 1
            if ends == 2:
                break
            continue
        seen += 1
        if not ring["ring"] or ring["contrast"] < 3:
            bad.append(f"{ring['what']} (ring {ring['ring']}, contrast {ring['contrast']:.2f})")
    context.close()
    assert seen >= 3, f"{path}: Tab reached only {seen} elements"
    assert not bad, f"{path}:\n" + "\n".join(bad)


OVERFLOW = """() => {
  const width = document.documentElement.clientWidth, out = [];
  for (const el of document.body.querySelectorAll('*')) {
    // The matrix, and a list of many columns on a narrow screen, scroll in their own box.
    if (el.closest('.matrix-wrap, table.list, .visually-hidden, template, script, style')) continue;
    const box = el.getBoundingClientRect(), style = getComputedStyle(el);
    if (!box.width || !box.height || style.visibility === 'hidden') continue;
    if (box.right > width + 1 || box.left < -1) out.push(el.outerHTML.slice(0, 100) + ' ' + Math.round(box.left) + '..' + Math.round(box.right));
    // Text cut by its own box: more text than room, and no way to scroll to it.
    if (!el.matches('input, textarea, select') && el.scrollWidth > el.clientWidth + 1
        && ['hidden', 'clip'].includes(style.overflowX) && el.clientWidth
        && !['ellipsis'].includes(style.textOverflow)) out.push('cut: ' + el.outerHTML.slice(0, 100));
  }
  const own = [...document.querySelectorAll('table.list')].filter((t) => t.getBoundingClientRect().right > width + 1);
  return { scroll: document.documentElement.scrollWidth - width, out: out.slice(0, 12), own: own.length };
}"""


@pytest.mark.parametrize("screen", ["320px", "zoom200"])
@pytest.mark.parametrize("which", ["ballot", "join", "results", "list", "detail", "participants", "items"])
def test_no_horizontal_scroll_at_320_px_and_200_percent_zoom(browser, world_server, which, screen):
    """At 320 px wide, and at 1280×720 with a 200 % zoom (a 640×360 CSS
    viewport), the page does not scroll sideways (only the matrix's own
    box may) and nothing sticks out or is cut. Screenshots to look at."""
    from .test_room_screens import simulate_deuteranopia

    server, seeded = world_server
    ids = seeded["live"]["fr_ids"]
    path = {
        "ballot": f"/b/{ids['token']}/",
        "join": "/rejoindre/",
        "results": f"/seances/{ids['shown']}/resultats/",
        "list": "/seances/",
        "detail": f"/seances/{ids['voting']}/",
        "participants": f"/seances/{ids['voting']}/participants/",
        "items": f"/seances/{ids['voting']}/items/",
    }
    viewport = {"width": 320, "height": 640} if screen == "320px" else {"width": 640, "height": 360}
    context = new_context(browser, server, seeded, "fr", public=which in ("ballot", "join"), viewport=viewport)
    page = context.new_page()
    page.goto(server.url + path[which])
    page.wait_for_timeout(300)
    found = page.evaluate(OVERFLOW)
    narrow = audit(page)  # the narrow layout too: a list scrolling in its box must still be reachable
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = SHOTS / f"{which}-{screen}.png"
    page.screenshot(path=str(shot), full_page=True)
    if which == "results":
        simulate_deuteranopia(shot, SHOTS / f"{which}-{screen}-deuteranopia.png")
    context.close()
    assert found["scroll"] <= 0 and not found["out"], f"{path[which]} at {screen}: {found}"
    assert found["own"] == 0, f"{path[which]} at {screen}: a list sticks out instead of scrolling in its box"
    assert narrow == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in narrow]
