"""A TOTP code logs in once, whichever worker (cache, process) or database connection sees it
next."""

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal import auth as totp_auth
from django.core.cache import cache
from django.db import connection
from django.test import Client

from portal.accounts.totp import claim_code
from portal.models import UsedTOTPCode

MFA_AUTHENTICATE_URL = "/konto/2fa/authenticate/"
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_code_used_on_one_worker_is_refused_on_another(editor, login_with_mfa, totp_code):
    code = totp_code(editor.totp_secret)
    login_with_mfa(Client(), editor, code=code)
    # The second worker has a cache of its own: it has never seen the code.
    cache.clear()

    second = Client()
    second.post("/konto/login/", {"login": editor.email, "password": editor.raw_password})
    response = second.post(MFA_AUTHENTICATE_URL, {"code": code})

    assert response.status_code == 200
    assert "code" in response.context["form"].errors
    assert "_auth_user_id" not in second.session
    assert UsedTOTPCode.objects.filter(user=editor).count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_connections_claiming_the_same_code_at_once_get_it_once(
    migrated_db, reference_data, editor, totp_code
):
    authenticator = Authenticator.objects.get(user=editor, type=Authenticator.Type.TOTP)
    code = totp_code(editor.totp_secret)
    # PostgreSQL takes both at once; the test run's in-memory SQLite locks a table against a
    # second writer instead of waiting, so there the two connections claim one after the other.
    together = connection.vendor == "postgresql"
    barrier = threading.Barrier(2 if together else 1)
    results, errors = [], []

    def claim():
        try:
            barrier.wait()
            results.append(claim_code(authenticator, code))
        except Exception as error:  # collected and asserted below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=claim) for _ in range(2)]
    for thread in threads:
        thread.start()
        if not together:
            thread.join()
    for thread in threads:
        thread.join()

    assert errors == []
    assert sorted(results) == [False, True]


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="two processes share a database server; the test run's SQLite is in this process's memory",
)
@pytest.mark.django_db(transaction=True)
def test_two_worker_processes_logging_in_with_one_code_let_one_in(
    migrated_db, reference_data, editor, totp_code
):
    code = totp_code(editor.totp_secret)
    db = connection.settings_dict
    database_url = (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:{db['PORT'] or 5432}/"
        f"{db['NAME']}"
    )
    command = [sys.executable, "-m", "tests.portal.totp_login_process", editor.email]
    command += [editor.raw_password, code, repr(totp_auth.time.time())]
    workers = [
        subprocess.Popen(
            command,
            cwd=ROOT,
            # An empty REDIS_URL is none: each worker has a cache of its own.
            env={**os.environ, "DATABASE_URL": database_url, "REDIS_URL": ""},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    try:
        # Both have passed the password step before either sends the code.
        assert [worker.stdout.readline().strip() for worker in workers] == ["ready", "ready"]
        for worker in workers:
            worker.stdin.write("go\n")
            worker.stdin.flush()
        answers = [worker.communicate(timeout=120)[0].strip() for worker in workers]
    finally:
        for worker in workers:
            worker.kill()
    assert sorted(answers) == ["in", "refused"]
