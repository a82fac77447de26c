"""`abaque serve`: the addresses it prints, the first-account link, a busy port."""

import http.client
import os
import re
import socket
import subprocess
import sys
import threading
import time
from urllib.parse import urlsplit

import pytest
from django.core.management import CommandError, call_command

from abaque.live.management.commands import serve
from abaque.network import local_addresses

START_TIMEOUT = 90  # seconds: a guard against a hang, not a timing: the machine is shared


def abaque(data_dir, *args):
    """Run the `abaque` command on its own SQLite data directory."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(ABAQUE_DATA_DIR=str(data_dir), PYTHONUNBUFFERED="1")
    return subprocess.Popen(
        [sys.executable, "-m", "abaque.cli", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def migrated_dir(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("serve")
    process = abaque(data_dir, "migrate", "--noinput")
    assert process.wait(timeout=120) == 0, process.stderr.read()
    return data_dir


def read_until(process, marker):
    """The server's output up to the line holding `marker` (killed if it hangs)."""
    watchdog = threading.Timer(START_TIMEOUT, process.kill)
    watchdog.start()
    lines = []
    try:
        for line in process.stdout:
            lines.append(line)
            if marker in line:
                break
    finally:
        watchdog.cancel()
    return "".join(lines)


def get_status(url):
    """Status of a GET, retried while the server finishes starting."""
    parts = urlsplit(url)
    deadline = time.monotonic() + START_TIMEOUT
    while True:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        try:
            connection.request("GET", parts.path)
            return connection.getresponse().status
        except ConnectionRefusedError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)
        finally:
            connection.close()


def test_it_prints_the_addresses_and_the_first_account_link_then_serves_them(migrated_dir):
    process = abaque(migrated_dir, "serve", "--port", "0")  # the system picks a free port
    try:
        out = read_until(process, "Ctrl+C")
        port = int(re.search(r"http://localhost:(\d+)/\n", out).group(1))
        assert port > 0
        addresses = local_addresses()
        if addresses:
            join_url = f"http://{addresses[0]}:{port}/rejoindre/"
            assert join_url in out
            assert serve.qr_code(join_url) in out
        else:
            assert "même Wi-Fi" in out
        setup_url = next(word for word in out.split() if "/bienvenue/" in word)
        assert setup_url.startswith(f"http://localhost:{port}/bienvenue/")
        assert get_status(setup_url) == 200
        assert get_status(f"http://localhost:{port}/") == 302  # to the login page
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_a_taken_port_gives_a_french_error_and_a_non_zero_exit(migrated_dir):
    with socket.socket() as taken:
        taken.bind(("0.0.0.0", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = abaque(migrated_dir, "serve", "--port", str(port))
        _, err = process.communicate(timeout=START_TIMEOUT)
    assert process.returncode != 0
    assert f"Le port {port} est déjà utilisé" in err
    assert f"--port {port + 1}" in err


def test_it_asks_to_migrate_first_when_the_database_is_not_ready(tmp_path):
    process = abaque(tmp_path, "serve", "--port", str(free_port()))
    _, err = process.communicate(timeout=START_TIMEOUT)
    assert process.returncode != 0
    assert "lancez d'abord « abaque migrate »" in err


def test_phones_are_told_to_share_the_wifi_when_there_is_no_local_network():
    text = serve.announcement("0.0.0.0", 8000, [], None)
    assert "http://localhost:8000/" in text
    assert "même Wi-Fi" in text
    assert "/rejoindre/" not in text


def test_every_local_address_is_offered_to_phones_with_a_qr_code_of_the_first():
    text = serve.announcement("0.0.0.0", 8000, ["192.168.1.12", "10.0.0.5"], None)
    assert "http://192.168.1.12:8000/rejoindre/" in text
    assert "http://10.0.0.5:8000/rejoindre/" in text
    assert serve.qr_code("http://192.168.1.12:8000/rejoindre/") in text


def test_a_loopback_host_warns_that_phones_cannot_connect():
    text = serve.announcement("127.0.0.1", 8000, ["192.168.1.12"], None)
    assert "les téléphones ne" in text
    assert "192.168.1.12" not in text


def test_a_specific_host_is_the_address_for_the_laptop_and_the_phones():
    text = serve.announcement("abaque.local", 8000, ["192.168.1.12"], "/bienvenue/abc/")
    assert "http://abaque.local:8000/rejoindre/" in text
    assert "http://abaque.local:8000/bienvenue/abc/" in text


def test_the_first_account_link_is_printed_only_while_no_account_exists():
    assert "Premier démarrage" in serve.announcement("0.0.0.0", 8000, [], "/bienvenue/abc/")
    assert "Premier démarrage" not in serve.announcement("0.0.0.0", 8000, [], None)


def test_a_specific_host_name_is_allowed_by_django_and_by_the_workers(settings, monkeypatch):
    monkeypatch.setenv("ABAQUE_ALLOWED_HOSTS", "deja.local")
    settings.ALLOWED_HOSTS = ["localhost"]
    serve.allow_host("salle-des-fetes.local")
    serve.allow_host("0.0.0.0")
    assert settings.ALLOWED_HOSTS == ["localhost", "salle-des-fetes.local"]
    assert os.environ["ABAQUE_ALLOWED_HOSTS"] == "deja.local,salle-des-fetes.local"


def test_several_workers_without_redis_are_refused_with_a_french_message(settings):
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    with pytest.raises(CommandError, match="REDIS_URL"):
        call_command("serve", "--workers", "2")
