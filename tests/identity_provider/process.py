"""Start the test identity provider in a subprocess and stop it again, never hanging a test run."""

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 60
STOP_SECONDS = 10


@dataclass
class Provider:
    process: subprocess.Popen
    url: str
    log: Path

    @property
    def server_url(self):
        """What the portal is configured with; discovery is below it."""
        return f"{self.url}/openid"

    def stop(self):
        """Stop the provider and its children (SIGTERM, then SIGKILL); idempotent."""
        if self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(STOP_SECONDS)

    def log_tail(self):
        return self.log.read_text(errors="replace")[-3000:]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def running_provider(folder, redirect_uri):
    """The provider on a free 127.0.0.1 port with its own SQLite file in `folder`, accepting the
    portal's `redirect_uri`; stopped on leaving, whatever happened."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = folder / "identity-provider.log"
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.identity_provider.settings",
        "IDENTITY_PROVIDER_URL": url,
        "IDENTITY_PROVIDER_DATABASE": str(folder / "identity-provider.sqlite3"),
        "IDENTITY_PROVIDER_REDIRECT_URI": redirect_uri,
        "PYTHONPATH": str(REPOSITORY),
        "PYTHONUNBUFFERED": "1",
    }
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.identity_provider", str(port)],
            cwd=REPOSITORY,
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    provider = Provider(process, url, log)
    try:
        wait_until_ready(provider)
        yield provider
    finally:
        provider.stop()


def wait_until_ready(provider):
    """Until discovery answers with the provider's issuer; fails with the provider's log."""
    deadline = time.monotonic() + STARTUP_SECONDS
    discovery = f"{provider.server_url}/.well-known/openid-configuration"
    while time.monotonic() < deadline:
        if provider.process.poll() is not None:
            raise RuntimeError(f"The identity provider exited:\n{provider.log_tail()}")
        try:
            with urllib.request.urlopen(discovery, timeout=2) as response:
                if json.load(response)["issuer"] == provider.server_url:
                    return
        except (OSError, ValueError, KeyError):
            time.sleep(0.2)
    raise RuntimeError(
        f"The identity provider did not answer in {STARTUP_SECONDS} s:\n{provider.log_tail()}"
    )
