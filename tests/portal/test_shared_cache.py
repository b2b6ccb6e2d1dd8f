"""The shared cache: Redis for every worker, this process's memory while Redis is out of reach."""

import logging
import shutil
import socket
import subprocess
import time

import pytest
from django.core.cache import caches
from django.test import Client, override_settings

from portal import roles, shared_cache
from portal.shared_cache import FailoverRedisCache

PARAMS = {"TIMEOUT": 600, "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1}}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def redis_server():
    """A real Redis on a free local port, stopped afterwards; yields its URL."""
    port = free_port()
    server = subprocess.Popen(
        [shutil.which("redis-server"), "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    probe = FailoverRedisCache(url, PARAMS)
    for _attempt in range(50):
        try:
            probe.redis.get("ping")
            break
        except Exception:  # not listening yet
            time.sleep(0.1)
    yield server, url
    server.terminate()
    server.wait(timeout=10)


def worker_cache(url):
    """The cache one gunicorn worker builds from the settings."""
    return FailoverRedisCache(url, PARAMS)


def test_two_workers_share_what_one_stores(redis_server):
    _server, url = redis_server
    first, second = worker_cache(url), worker_cache(url)

    assert first.add("allauth.mfa.totp.used?user=1&code=123456", "y", 90)

    assert not second.add("allauth.mfa.totp.used?user=1&code=123456", "y", 90)
    assert second.get("allauth.mfa.totp.used?user=1&code=123456") == "y"


def test_outage_falls_back_to_memory_and_logs_it(redis_server, caplog):
    server, url = redis_server
    cache = worker_cache(url)
    cache.set("before", 1)
    server.terminate()
    server.wait(timeout=10)

    with caplog.at_level(logging.ERROR, logger="portal.shared_cache"):
        assert cache.add("during", 2)
        assert cache.get("during") == 2
        assert not cache.add("during", 3)

    assert "Redis unreachable" in caplog.text
    assert [r.levelname for r in caplog.records] == ["ERROR"]


def test_redis_is_tried_again_after_the_pause(redis_server, monkeypatch):
    server, url = redis_server
    cache = worker_cache(url)
    server.terminate()
    server.wait(timeout=10)
    cache.set("during", 1)
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    restarted = subprocess.Popen(
        [shutil.which("redis-server"), "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        monkeypatch.setattr(shared_cache, "RETRY_SECONDS", 0)
        cache.down_until = 0
        for _attempt in range(50):
            if cache.add("after", 1) and worker_cache(url).get("after") == 1:
                break
            time.sleep(0.1)
        assert worker_cache(url).get("after") == 1
    finally:
        restarted.terminate()
        restarted.wait(timeout=10)


def redis_down():
    """The settings' shared cache, pointed at a port where no Redis listens."""
    unreachable = f"redis://127.0.0.1:{free_port()}/0"
    return override_settings(
        CACHES={
            "default": {
                "BACKEND": "portal.shared_cache.FailoverRedisCache",
                "LOCATION": unreachable,
                **PARAMS,
            }
        }
    )


@pytest.mark.django_db
def test_log_in_works_with_redis_down(make_user, login_with_password):
    member = make_user(roles.MEMBER)
    with redis_down():
        client = Client()
        response = login_with_password(client, member)
        assert isinstance(caches["default"], FailoverRedisCache)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(member.pk)


@pytest.mark.django_db
def test_two_factor_log_in_works_with_redis_down_and_its_code_stays_single_use(
    caseworker_kk, login_with_mfa, login_with_password, totp_code
):
    code = totp_code(caseworker_kk.totp_secret)
    with redis_down():
        login_with_mfa(Client(), caseworker_kk, code=code)
        again = Client()
        login_with_password(again, caseworker_kk)
        replayed = again.post("/konto/2fa/authenticate/", {"code": code})

    assert replayed.status_code == 200
    assert "_auth_user_id" not in again.session
