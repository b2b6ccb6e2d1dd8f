"""`/healthz`: every service checked for real; only a database outage takes the server out of
rotation, and each log line carries the request id that the response returns."""

import datetime
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from monitoring.models import ImportBatch

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parents[2]
CLOSED_PORT = "127.0.0.1:9"  # discard: nothing listens there on this machine


def health(client):
    response = client.get("/healthz")
    return response, json.loads(response.content)


def test_a_healthy_server_answers_ok_uncached_with_its_request_id(client):
    response, body = health(client)

    assert response.status_code == 200
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "tasks", "search", "last_import"}
    assert all(check["ok"] for check in body["checks"].values())
    assert "no-store" in response["Cache-Control"]
    assert len(response["X-Request-ID"]) == 32


def test_a_task_waiting_too_long_degrades_without_leaving_rotation(client, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.HEALTH_MAX_TASK_AGE = 600
    from monitoring.tasks import evaluate_flags

    evaluate_flags.using(backend="default").enqueue(2024)
    DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(hours=1))

    response, body = health(client)

    assert response.status_code == 200
    assert body["status"] == "degraded"
    assert body["checks"]["tasks"] == {"ok": False, "detail": "oldest waiting task is 3600 s old"}


def test_a_refused_import_is_reported(client):
    ImportBatch.objects.create(
        kind=ImportBatch.Kind.KEY_FIGURES,
        year=2024,
        file_name="noegletal.csv",
        checksum="0" * 64,
        status=ImportBatch.Status.FAILED,
        finished_at=timezone.now(),
    )

    response, body = health(client)

    assert (response.status_code, body["status"]) == (200, "degraded")
    assert body["checks"]["last_import"]["detail"].startswith("the last import (2024 at ")


def test_cache_and_search_engine_outages_degrade(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://{CLOSED_PORT}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "IGNORE_EXCEPTIONS": True},
        }
    }
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "portal.search.elastic",
            "URLS": [f"http://{CLOSED_PORT}"],
            "TIMEOUT": 1,
            "OPTIONS": {"max_retries": 0},
        },
        "database": {"BACKEND": "wagtail.search.backends.database"},
    }

    response, body = health(client)

    assert response.status_code == 200
    assert body["status"] == "degraded"
    assert body["checks"]["cache"] == {
        "ok": False,
        "detail": "the cache does not keep what it is given",
    }
    assert body["checks"]["search"]["ok"] is False
    assert body["checks"]["database"]["ok"] is True


def test_redis_down_behind_the_failover_cache_degrades(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.shared_cache.FailoverRedisCache",
            "LOCATION": f"redis://{CLOSED_PORT}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1},
        }
    }

    response, body = health(client)

    assert (response.status_code, body["status"]) == (200, "degraded")
    assert body["checks"]["cache"] == {
        "ok": False,
        "detail": "Redis does not answer; this server uses its own memory",
    }


def test_a_database_outage_answers_503_and_logs_json_with_the_request_id():
    """A real server process whose database refuses connections."""
    request_id = "0f8e5a3c9b2d4e6f8a1b3c5d7e9f1a2b"
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        f"r = Client().get('/healthz', HTTP_X_REQUEST_ID='{request_id}');"
        "print(r.status_code, r['X-Request-ID'], r.content.decode())"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.base",
        "DATABASE_URL": f"postgres://postgres@{CLOSED_PORT}/nowhere",
        "LOG_FORMAT": "json",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=PROJECT, env=env, capture_output=True, text=True
    )

    status, returned_id, body = result.stdout.strip().split(" ", 2)
    assert (status, returned_id) == ("503", request_id)
    assert json.loads(body)["checks"]["database"] == {"ok": False, "detail": "OperationalError"}
    assert "postgres" not in body and "9" not in json.loads(body)["checks"]["database"]["detail"]
    logged = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    failure = next(line for line in logged if "database" in line["message"])
    assert failure["request_id"] == request_id
    assert failure["level"] == "WARNING"
