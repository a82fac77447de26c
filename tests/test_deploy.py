"""The one-server set-up of deploy/, run the way its systemd units run it
(there is no systemd here): the units' own command lines and environment
file, on PostgreSQL and Redis, with two workers, answering as behind the
Caddy proxy of deploy/Caddyfile. A change to a unit or to the settings that
breaks the documented set-up fails here."""

import http.client
import os
import re
import shlex
import socket
import subprocess
import sys
import time
import uuid
import zipfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

DEPLOY = Path(__file__).resolve().parent.parent / "deploy"
HOST = "consultation.pnr-exemple.fr"  # the host name of deploy/abaque.env and the Caddyfiles

pytestmark = [
    pytest.mark.scaleout,
    pytest.mark.skipif(
        not (os.environ.get("TEST_DATABASE_URL") and os.environ.get("REDIS_URL")),
        reason="needs PostgreSQL and Redis: set TEST_DATABASE_URL and REDIS_URL",
    ),
]


def unit(name: str) -> dict[str, list[str]]:
    """A systemd unit's directives, each with every value it is given."""
    found: dict[str, list[str]] = {}
    for line in (DEPLOY / name).read_text().splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, _, value = line.partition("=")
            found.setdefault(key.strip(), []).append(value.strip())
    return found


def env_file() -> dict[str, str]:
    lines = (DEPLOY / "abaque.env").read_text().splitlines()
    return dict(line.split("=", 1) for line in lines if line and not line.startswith("#"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def here(command: str, port: int, tmp_path: Path) -> str:
    """The unit's command line on this machine: this venv, a free port, a temporary folder."""
    command = command.replace("/opt/abaque/.venv/bin/abaque", str(Path(sys.executable).parent / "abaque"))
    command = command.replace("/var/backups/abaque", str(tmp_path / "backups"))
    return re.sub(r"--port 8000\b", f"--port {port}", command)


@pytest.fixture(scope="module")
def database():
    import psycopg

    admin_url, name = os.environ["TEST_DATABASE_URL"], f"abaque_deploy_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield urlunsplit(urlsplit(admin_url)._replace(path="/" + name))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def server(database, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("deploy")
    (tmp_path / "backups").mkdir()
    env = {**os.environ, **env_file()}
    env.update(DATABASE_URL=database, REDIS_URL=os.environ["REDIS_URL"], ABAQUE_DATA_DIR=str(tmp_path / "data"))
    service, port = unit("abaque.service"), free_port()
    for command in service["ExecStartPre"]:
        subprocess.run(shlex.split(here(command, port, tmp_path)), env=env, check=True, capture_output=True)
    [start] = service["ExecStart"]
    process = subprocess.Popen(
        shlex.split(here(start, port, tmp_path)), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("abaque.service did not start: " + process.stderr.read().decode()[-2000:])
            time.sleep(0.1)
    yield {"port": port, "env": env, "tmp": tmp_path, "process": process}
    process.terminate()
    process.wait(timeout=30)


def get(port, path, **headers):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Host": HOST, **headers})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def test_behind_the_proxy_pages_are_served_over_https_with_secure_cookies(server):
    response = get(server["port"], "/connexion/", **{"X-Forwarded-Proto": "https"})
    assert response.status == 200
    assert "max-age=31536000" in response.getheader("Strict-Transport-Security")
    cookies = response.getheader("Set-Cookie")
    assert "csrftoken=" in cookies and "Secure" in cookies


def test_a_request_that_did_not_come_through_tls_is_sent_to_https(server):
    response = get(server["port"], "/connexion/")
    assert response.status == 301
    assert response.getheader("Location") == f"https://{HOST}/connexion/"


def test_a_host_that_is_not_the_parks_is_refused(server):
    assert get(server["port"], "/connexion/", Host="attaquant.example", **{"X-Forwarded-Proto": "https"}).status == 400


def test_the_service_runs_two_workers_and_the_proxy_points_at_its_port(server):
    pid = server["process"].pid
    children = [p for task in Path(f"/proc/{pid}/task").iterdir() for p in (task / "children").read_text().split()]
    workers = [p for p in children if b"multiprocessing" in Path(f"/proc/{p}/cmdline").read_bytes()]
    assert len([p for p in workers if b"resource_tracker" not in Path(f"/proc/{p}/cmdline").read_bytes()]) == 2
    assert "reverse_proxy 127.0.0.1:8000" in (DEPLOY / "Caddyfile").read_text()
    assert "reverse_proxy abaque:8000" in (DEPLOY / "Caddyfile.compose").read_text()
    # The image runs the same command as the unit, on every interface of its container.
    [start] = unit("abaque.service")["ExecStart"]
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    assert start.split("bin/abaque ", 1)[1].replace("127.0.0.1", "0.0.0.0") in dockerfile


def test_the_nightly_backup_unit_writes_the_database_in_its_folder(server):
    [command] = unit("abaque-backup.service")["ExecStart"]
    command = here(command, server["port"], server["tmp"]).replace("%%", "%")  # systemd's escape of %
    subprocess.run(shlex.split(command), env=server["env"], check=True, capture_output=True, timeout=120)
    [made] = (server["tmp"] / "backups").glob("abaque-*.zip")
    assert re.fullmatch(r"abaque-\d{4}-\d{2}-\d{2}\.zip", made.name)
    assert zipfile.ZipFile(made).namelist()
