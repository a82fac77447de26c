"""A throwaway PostgreSQL and Redis for the scale-out benchmark, when none is
given (BENCH_DATABASE_URL / TEST_DATABASE_URL and REDIS_URL): the same way
.ci/run starts them, on ports the system chose."""

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_bin() -> Path:
    found = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True)
    if found.returncode == 0:
        return Path(found.stdout.strip())
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin"))
    if not candidates:
        raise RuntimeError("PostgreSQL's binaries are not installed (pg_config not found)")
    return candidates[-1]


def as_postgres(argv):
    """initdb refuses to run as root: run PostgreSQL as its own user then."""
    return ["runuser", "-u", "postgres", "--", *argv] if os.geteuid() == 0 else argv


@contextlib.contextmanager
def postgresql():
    given = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL")
    if given:
        yield given
        return
    work = Path(tempfile.mkdtemp(prefix="abaque-bench-pg-"))
    work.chmod(0o755)
    data, port, binaries = work / "pg", free_port(), pg_bin()
    data.mkdir()
    if os.geteuid() == 0:
        shutil.chown(data, "postgres")
    subprocess.run(
        as_postgres([str(binaries / "initdb"), "-D", str(data), "-U", "abaque", "--auth=trust", "-E", "UTF8"]),
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c max_connections=300"
    subprocess.run(
        as_postgres([str(binaries / "pg_ctl"), "-D", str(data), "-l", str(data / "log"), "-w", "-o", options, "start"]),
        check=True,
        capture_output=True,
    )
    try:
        subprocess.run(
            [str(binaries / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "abaque", "abaque"],
            check=True,
            capture_output=True,
        )
        yield f"postgres://abaque@127.0.0.1:{port}/abaque"
    finally:
        subprocess.run(
            as_postgres([str(binaries / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]), capture_output=True
        )
        shutil.rmtree(work, ignore_errors=True)


@contextlib.contextmanager
def redis():
    given = os.environ.get("REDIS_URL")
    if given:
        yield given
        return
    port = free_port()
    process = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)
