"""Real-browser tests: Debian's Chromium driven by Playwright against the
real ASGI server (uvicorn) in subprocesses, as in the village hall.

Skipped when Chromium is missing, unless ABAQUE_REQUIRE_BROWSER=1 (CI),
where a missing browser fails the run instead."""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import closing
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # A French park's browser: the facilitator's pages follow Accept-Language,
    # and the flows are written in French. A test that wants another language
    # gives its context a locale.
    "--accept-lang=fr-FR,fr",
]
PHONE = {"viewport": {"width": 360, "height": 640}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}
REQUIRED = os.environ.get("ABAQUE_REQUIRE_BROWSER") == "1"


def require(condition: bool, message: str) -> None:
    """Skip the calling module, or fail it in CI (ABAQUE_REQUIRE_BROWSER=1)."""
    if condition:
        return
    if REQUIRED:
        pytest.fail(message + " (ABAQUE_REQUIRE_BROWSER=1: this test must run)", pytrace=False)
    pytest.skip(message, allow_module_level=True)


def require_chromium() -> None:
    require(
        CHROMIUM.exists(), f"{CHROMIUM} is missing: install it with `apt-get install chromium` to run the browser tests"
    )


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def abaque(env, *args) -> str:
    done = subprocess.run(
        [PYTHON, "-m", "abaque.cli", *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=180
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


class Server:
    """One uvicorn process serving Abaque on a free port."""

    def __init__(self, env, log_dir):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(Path(log_dir) / f"uvicorn-{self.port}.log", "w")
        self.process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "uvicorn",
                "abaque.asgi:application",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self._wait()

    def _wait(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"uvicorn stopped: see {self.log.name}")
            try:
                with urllib.request.urlopen(self.url + "/rejoindre/", timeout=2):
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"uvicorn did not answer within {timeout} s")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def server_env(data_dir, **extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")}
    env.update(ABAQUE_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT / "src"), **extra)
    return env


def seed(env, spec) -> dict:
    done = subprocess.run(
        [PYTHON, str(ROOT / "tests/browser/seed.py"), json.dumps(spec)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def first_account_link(env) -> str:
    """A new installation: migrated, and the one-time link that creates its first account."""
    abaque(env, "migrate", "--noinput")
    printed = abaque(
        env, "shell", "-c", "from abaque.accounts.first_account import first_account_path; print(first_account_path())"
    )
    return printed.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def empty_server(tmp_module_dir):
    """A server on an empty installation, and its first-account link."""
    env = server_env(tmp_module_dir / "data")
    link = first_account_link(env)
    server = Server(env, tmp_module_dir)
    yield server, link
    server.stop()


@pytest.fixture(scope="module")
def tmp_module_dir():
    with tempfile.TemporaryDirectory(prefix="abaque-browser-") as path:
        yield Path(path)


def prepared_servers(env, spec, log_dir, count=1):
    """Migrate, seed, then start `count` servers on the same database."""
    abaque(env, "migrate", "--noinput")
    seeded = seed(env, spec)
    return [Server(env, log_dir) for _ in range(count)], seeded
