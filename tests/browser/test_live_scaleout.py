"""The same séance across two server processes sharing PostgreSQL and Redis:
phones on the first, the facilitator and the projector on the second, so
every live update crosses through Redis."""

import os
import uuid
from urllib.parse import urlsplit, urlunsplit

import pytest

from .conftest import prepared_servers, require, require_chromium, server_env
from .seance_flow import SPEC, Database, run_seance

require_chromium()
require(
    bool(os.environ.get("TEST_DATABASE_URL") and os.environ.get("REDIS_URL")),
    "the scale-out test needs PostgreSQL and Redis: set TEST_DATABASE_URL and REDIS_URL",
)
pytestmark = [pytest.mark.browser, pytest.mark.scaleout]


def with_database(url, name):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


@pytest.fixture(scope="module")
def fresh_database():
    """A database of its own, dropped at the end, so runs never collide."""
    import psycopg

    admin_url, name = os.environ["TEST_DATABASE_URL"], f"abaque_browser_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield with_database(admin_url, name)
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def two_servers(tmp_module_dir, fresh_database):
    env = server_env(tmp_module_dir, DATABASE_URL=fresh_database, REDIS_URL=os.environ["REDIS_URL"])
    (phones, screens), seeded = prepared_servers(env, SPEC, tmp_module_dir, count=2)
    yield phones, screens, seeded, Database(url=fresh_database)
    phones.stop()
    screens.stop()


def test_phones_on_one_process_and_the_projector_on_another_stay_in_step(browser, two_servers):
    phones, screens, seeded, db = two_servers
    run_seance(browser, phones.url, screens.url, seeded, db)
