"""The debate page in a real browser: notes that survive a lost connection
and a reload, and a recording from Chromium's fake microphone that reaches
the server."""

import sqlite3

import pytest
from playwright.sync_api import expect

from .conftest import CHROMIUM, CHROMIUM_ARGS, Server, abaque, require_chromium, seed, server_env

require_chromium()
pytestmark = pytest.mark.browser

# Round 1 voted and closed through the one vote path, so the debate has an agenda.
CLOSE_ROUND_ONE = """
from abaque.meetings.models import Meeting
from tests.builders import run_round
meeting = Meeting.objects.get(pk={pk})
run_round(meeting.current_round(), ["VG VG RR RR", "VG G G VG", "RR R VG G"])
"""
FAKE_MICROPHONE = ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"]


@pytest.fixture(scope="module")
def debate_server(tmp_module_dir):
    env = server_env(tmp_module_dir)
    abaque(env, "migrate", "--noinput")
    seeded = seed(
        env,
        {
            "participants": ["Anne Leroy", "Bruno Petit", "Chantal Roux", "David Girard"],
            "items": ["Créer un café associatif", "Un fonds d'initiatives habitants", "Covoiturage solidaire"],
        },
    )
    abaque(env, "shell", "-c", CLOSE_ROUND_ONE.format(pk=seeded["meeting"]))
    server = Server(env, tmp_module_dir)
    yield server, seeded, tmp_module_dir / "abaque.sqlite3"
    server.stop()


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS + FAKE_MICROPHONE)
        yield browser
        browser.close()


def facilitator_page(chromium, server, seeded):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies([{"name": "sessionid", "value": seeded["session"], "url": server.url}])
    context.grant_permissions(["microphone"], origin=server.url)
    page = context.new_page()
    page.goto(f"{server.url}/seances/{seeded['meeting']}/debat/")
    return context, page


def stored(database, sql, params=()):
    with sqlite3.connect(database) as connection:
        return connection.execute(sql, params).fetchall()


def test_notes_typed_offline_are_kept_and_sent_when_the_page_comes_back(chromium, debate_server):
    server, seeded, database = debate_server
    context, page = facilitator_page(chromium, server, seeded)
    state = page.locator("#note-state")
    page.fill("#note-text", "Anne : le café existe déjà.")
    page.wait_for_function("() => document.getElementById('note-state').dataset.state === 'saved'", timeout=5000)
    assert state.inner_text() == "enregistré ✓"

    context.set_offline(True)
    page.type("#note-text", " Bruno : pas le soir.")
    page.wait_for_function("() => document.getElementById('note-state').dataset.state === 'offline'", timeout=5000)
    assert state.inner_text() == "hors ligne, sera enregistré"
    assert stored(database, "SELECT text FROM debate_note") == [("Anne : le café existe déjà.",)]
    page.close()  # the laptop's tab is closed while the connection is down

    context.set_offline(False)
    page = context.new_page()
    page.goto(f"{server.url}/seances/{seeded['meeting']}/debat/")
    assert page.input_value("#note-text") == "Anne : le café existe déjà. Bruno : pas le soir."
    page.wait_for_function("() => document.getElementById('note-state').dataset.state === 'saved'", timeout=5000)
    assert stored(database, "SELECT text FROM debate_note") == [("Anne : le café existe déjà. Bruno : pas le soir.",)]
    context.close()


def test_a_recording_from_the_microphone_is_uploaded_and_shown_on_the_projector(chromium, debate_server):
    server, seeded, database = debate_server
    context, page = facilitator_page(chromium, server, seeded)
    projector = context.new_page()
    projector.goto(f"{server.url}/seances/{seeded['meeting']}/projecteur/")  # the séance's one projector
    assert projector.locator(".pj-recording").count() == 0

    page.click("#rec-start")
    projector.locator(".pj-recording").wait_for(timeout=5000)  # told by its WebSocket
    assert "Enregistrement en cours" in projector.inner_text(".pj-recording")
    page.wait_for_timeout(1500)
    page.click("#rec-stop")
    page.wait_for_function("() => document.getElementById('rec-status').textContent.includes('gardé')", timeout=10000)
    projector.locator(".pj-recording").wait_for(state="detached", timeout=5000)

    ((mime, duration, name),) = stored(database, "SELECT mime_type, duration_seconds, file FROM debate_recording")
    assert mime.startswith("audio/") and 1.0 <= duration < 10
    source = page.get_attribute("#rec-list audio", "src")
    response = page.request.get(server.url + source)
    assert response.ok and response.headers["content-type"] == mime and len(response.body()) > 1000
    context.close()


def test_the_debate_script_speaks_english_for_an_english_facilitator(chromium, debate_server):
    """The script's texts come from the English catalogue, loaded under the
    CSP before the script: the note's state reads in English."""
    server, seeded, _database = debate_server
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    context.add_cookies([{"name": "sessionid", "value": seeded["session"], "url": server.url}])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{server.url}/seances/{seeded['meeting']}/debat/")
    expect(page.locator("#agenda-title")).to_have_text("Agenda")
    page.fill("#note-text", "Ann: the café already exists.")
    page.wait_for_function("() => document.getElementById('note-state').dataset.state === 'saved'", timeout=5000)
    assert page.locator("#note-state").inner_text() == "saved ✓"
    assert errors == []
    context.close()
