"""`python -m tests.portal.totp_login_process EMAIL PASSWORD CODE CLOCK`: a worker of its own
(its own process, its own cache) logging in with a TOTP code on the TOTP clock stopped at CLOCK.
Prints "ready" after the password, waits for a line on stdin, posts the code, then prints "in"
or "refused"."""

import sys
import types

import django


def main(email, password, code, clock):
    django.setup()
    from allauth.mfa.totp.internal import auth as totp_auth
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    totp_auth.time = types.SimpleNamespace(time=lambda: float(clock))
    client = Client()
    response = client.post("/konto/login/", {"login": email, "password": password})
    print("ready" if response.status_code == 302 else f"not ready: {response.status_code}")
    sys.stdout.flush()
    sys.stdin.readline()
    client.post("/konto/2fa/authenticate/", {"code": code})
    print("in" if "_auth_user_id" in client.session else "refused", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
