"""A whole séance on one server (SQLite): three phones, the facilitator's
laptop and the projector."""

import pytest

from .conftest import Server, abaque, require_chromium, seed, server_env
from .seance_flow import SPEC, Database, run_seance

require_chromium()
pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def one_server(tmp_module_dir):
    env = server_env(tmp_module_dir)
    abaque(env, "migrate", "--noinput")
    seeded = seed(env, SPEC)
    server = Server(env, tmp_module_dir)
    yield server, seeded, Database(sqlite_path=tmp_module_dir / "abaque.sqlite3")
    server.stop()


def test_phones_vote_one_offline_and_the_projector_follows_without_reload(browser, one_server):
    server, seeded, db = one_server
    figures = run_seance(browser, server.url, server.url, seeded, db)
    print(f"offline votes acknowledged {figures['offline_votes_sent_after_s'] * 1000:.0f} ms after the network came back")
    print(f"projector lag after the last vote: {figures['projector_lag_s'] * 1000:.0f} ms")
