"""Starting, stopping and killing the servers under test, each on a port the
system chose (the machine is shared: never a fixed port)."""

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PRINTED_ADDRESS = re.compile(r"http://localhost:(\d+)/")
START_TIMEOUT = 60  # seconds


class Server:
    def __init__(self, name, argv, log_dir):
        self.name, self.argv = name, argv
        self.log = Path(log_dir) / f"{name}.log"
        self.process = None
        self.port = None

    def start(self):
        """Start, read the printed address, wait until it accepts connections."""
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                self.argv,
                stdout=subprocess.PIPE,
                stderr=log,
                text=True,
                env={**os.environ, "PYTHONUNBUFFERED": "1"},
            )
        self.port = self._read_port()
        self._wait_listening()
        return self.port

    def _read_port(self):
        watchdog = threading.Timer(START_TIMEOUT, self.process.kill)
        watchdog.start()
        try:
            for line in self.process.stdout:
                if match := PRINTED_ADDRESS.search(line):
                    return int(match.group(1))
        finally:
            watchdog.cancel()
        raise RuntimeError(f"{self.name} did not start: see {self.log}\n{self.log.read_text()[-2000:]}")

    def _wait_listening(self):
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(f"{self.name} is not listening: see {self.log}") from None
                time.sleep(0.05)

    def cpu_seconds(self):
        """CPU time the server has used so far, all threads (Linux /proc):
        unlike wall time, it hardly depends on what else the machine runs."""
        try:
            stat = Path(f"/proc/{self.process.pid}/stat").read_text()
        except OSError:
            return None
        fields = stat.rsplit(")", 1)[1].split()  # after the command name
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime

    def kill(self):
        """SIGKILL: no shutdown, no flush, like pulling the laptop's plug."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()


def abaque_serve(log_dir):
    """`abaque serve` in its default embedded mode (one process, SQLite,
    in-memory channel layer), on loopback."""
    argv = [sys.executable, "-m", "abaque.cli", "serve", "--host", "127.0.0.1", "--port", "0"]
    return Server("abaque-serve", argv, log_dir)


def raw_asgi(log_dir):
    return Server("raw-asgi", [sys.executable, str(BENCH / "raw_asgi.py")], log_dir)
