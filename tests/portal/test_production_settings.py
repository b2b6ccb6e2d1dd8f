"""The production settings, imported with example environment values, pass `check --deploy`."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "eksempel-" + "x7Gq2vLp9Rk4Wm8Zt3Nb6Hc1Yd5Fs0Aj" * 2,
    "DATABASE_URL": "postgres://tilsyn@db.example.org:5432/tilsyn",
    "REDIS_URL": "redis://cache.example.org:6379/0",
    "ELASTICSEARCH_URL": "https://search.example.org:9200",
    "ALLOWED_HOSTS": "tilsynsportalen.dk",
    "BASE_URL": "https://tilsynsportalen.dk",
    "EMAIL_URL": "smtp://mail.example.org:587",
}


def run_manage(*args, **environment):
    return run_python("manage.py", *args, **environment)


def read_settings(script, **environment):
    """Run `script` where Django's settings are read, as the production process reads them,
    without setting up the apps (which `manage.py shell` would, for seconds of CPU)."""
    return run_python("-c", script, **environment)


def run_python(*args, **environment):
    env = {
        key: value
        for key, value in os.environ.items()
        # The browser tests allow async-unsafe calls in this process; production never does.
        if key not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(EXAMPLE_ENVIRONMENT, **environment)
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check_without_warnings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "DATABASE_URL", "REDIS_URL"])
def test_production_refuses_to_start_without_a_secret_or_a_database(missing):
    result = run_manage("check", **{missing: ""})

    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_production_settings_use_the_configured_services():
    script = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.CACHES['default']['BACKEND'],"
        " s.WAGTAILSEARCH_BACKENDS['default']['BACKEND'], s.DEBUG)"
    )
    result = read_settings(script)

    assert result.returncode == 0, result.stderr
    database, cache, search, debug = result.stdout.split()
    assert database == "django.db.backends.postgresql"
    assert "redis" in cache.lower()
    assert search == "portal.search.elastic"
    assert debug == "False"


def test_production_keeps_insecure_switches_off_whatever_the_environment_says():
    script = (
        "from django.conf import settings as s;"
        "print(s.DEBUG, s.MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN, s.SESSION_COOKIE_SECURE)"
    )
    result = read_settings(
        script,
        DEBUG="true",
        MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN="true",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "True"]
