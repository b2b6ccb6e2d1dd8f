"""A caseworker logged in through allauth's real two-step flow (password, then TOTP), as a
person would; the load tool then sends the session's cookie with every request."""

import time

from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client

from portal import roles
from portal.models import Municipality, User, Workplace

PASSWORD = "Benchmark-hest-batteri-42"
LOGIN_URL = "/konto/login/"
MFA_AUTHENTICATE_URL = "/konto/2fa/authenticate/"


class LoginError(RuntimeError):
    pass


def caseworker(municipality_code):
    """A caseworker of the municipality with a verified address and a TOTP authenticator."""
    email = f"bench-sagsbehandler-{municipality_code}@example.org"
    user = User.objects.create_user(
        username=email,
        email=email,
        password=PASSWORD,
        first_name="Benchmark",
        last_name=f"Sagsbehandler {municipality_code}",
        municipality=Municipality.objects.get(code=municipality_code),
        workplace=Workplace.MUNICIPALITY,
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    user.groups.add(*Group.objects.filter(name__in=[roles.CASEWORKER, roles.MEMBER]))
    user.totp_secret = generate_totp_secret()
    TOTP.activate(user, user.totp_secret)
    return user


def logged_in_client(user):
    """A test client whose session has passed the password and the TOTP step."""
    client = Client()
    response = client.post(LOGIN_URL, {"login": user.email, "password": PASSWORD})
    if response.status_code != 302 or not response.url.startswith(MFA_AUTHENTICATE_URL):
        raise LoginError(f"password step answered {response.status_code}")
    response = client.post(MFA_AUTHENTICATE_URL, {"code": _totp_code(user.totp_secret)})
    if response.status_code != 302 or client.session.get("_auth_user_id") != str(user.pk):
        raise LoginError(f"TOTP step answered {response.status_code}")
    return client


def cookie_header(client):
    """The session cookie as a request header for the load tool."""
    name = settings.SESSION_COOKIE_NAME
    return {"Cookie": f"{name}={client.cookies[name].value}"}


def _totp_code(secret):
    """The code an authenticator app shows now; near a period's end, the next period's."""
    period = mfa_settings.TOTP_PERIOD
    if period - time.time() % period < 1.5:
        time.sleep(period - time.time() % period + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))
