"""The portal under gunicorn on a free local port, started and always stopped by the benchmark."""

import contextlib
import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

READY_SECONDS = 60


class ServerError(RuntimeError):
    pass


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(env, log_path: Path, cwd: Path, workers=2):
    """Serve portal.wsgi from `cwd` with `workers` sync workers; yields the base URL."""
    with serve(env, log_path, cwd, workers) as (_process, base_url):
        yield base_url


@contextlib.contextmanager
def serve(env, log_path: Path, cwd: Path, workers=2, ready_seconds=READY_SECONDS):
    """As `gunicorn`, yielding (the master process, the base URL): the load test's faults kill
    one of the master's workers. `ready_seconds`: how long the workers may take to start."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "portal.wsgi",
        "--workers",
        str(workers),
        "--bind",
        f"127.0.0.1:{port}",
        "--backlog",
        "2048",
        "--log-level",
        "warning",
    ]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            command, cwd=cwd, env={**os.environ, **env}, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        wait_until_ready(process, port, log_path, ready_seconds)
        yield process, f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_ready(process, port, log_path, ready_seconds=READY_SECONDS):
    deadline = time.monotonic() + ready_seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerError(f"gunicorn exited with code {process.returncode}:\n{tail(log_path)}")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/bench/hello/")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise ServerError(f"gunicorn did not answer within {ready_seconds} s:\n{tail(log_path)}")


def tail(path, lines=30):
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
