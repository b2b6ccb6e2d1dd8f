"""The processes the load test runs besides gunicorn: its own Redis and the task worker.

The load test has a Redis server of its own on a free port (no persistence), so stopping it for
the fault run disturbs no one else's cache, and the task worker is the portal's `task_worker`,
as production runs it. Both are stopped whatever happens.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from bench.server import free_port

READY_SECONDS = 15


class ServiceError(RuntimeError):
    pass


class RedisServer:
    def __init__(self, folder: Path):
        if not shutil.which("redis-server"):
            raise ServiceError("the load test needs redis-server (apt-get install redis-server)")
        self.folder = folder
        self.port = free_port()
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        command = [
            "redis-server",
            "--port", str(self.port),
            "--bind", "127.0.0.1",
            "--save", "",
            "--appendonly", "no",
            "--dir", str(self.folder),
        ]  # fmt: skip
        log = open(self.folder / "redis.log", "ab")  # noqa: SIM115 (kept by the process)
        self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + READY_SECONDS
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                time.sleep(0.1)
        raise ServiceError(f"redis-server did not answer on port {self.port}")

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()


class TaskWorker:
    """`manage.py task_worker`, as production runs it; started again after a fault killed it."""

    def __init__(self, env, log_path: Path, cwd: Path):
        self.env, self.log_path, self.cwd = env, log_path, cwd
        self.process = None

    def start(self):
        command = [sys.executable, "manage.py", "task_worker", "--interval", "0.5"]
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                command,
                cwd=self.cwd,
                env={**os.environ, **self.env},
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def kill(self):
        """SIGKILL, as an out-of-memory killer or a lost host would: no clean shutdown."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()
