"""Fixtures for accounts, roles and municipalities: users of every role, and real allauth log-ins.

Users are made with a verified e-mail address and a known password; with `mfa=True` they get a
real TOTP authenticator whose secret is kept on the user object (`user.totp_secret`), so a test
can log in through allauth's own two-step flow exactly as a person would.
"""

import copy
import io
import itertools
import json
import time
import types
import zipfile
from http.cookies import SimpleCookie

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal import auth as totp_auth
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.contrib.auth.models import Group
from django.test import Client
from reference_data import install_reference_data

from portal import roles
from portal.models import Municipality, User, Workplace

PASSWORD = "Korrekt-hest-batteri-42"
LOGIN_URL = "/konto/login/"
MFA_AUTHENTICATE_URL = "/konto/2fa/authenticate/"

_numbers = itertools.count(1)


@pytest.fixture
def reference_data(db):
    """Transactional tests flush the migration's data; put it back."""
    install_reference_data()


def stop_totp_clock(monkeypatch):
    """Stop the clock allauth checks TOTP codes by: the code a test computes is the one the
    server expects when it is posted, with no wait for a fresh 30-second period."""
    stopped = time.time()
    monkeypatch.setattr(totp_auth, "time", types.SimpleNamespace(time=lambda: stopped))


@pytest.fixture(autouse=True)
def totp_clock(monkeypatch):
    """The TOTP clock, stopped for the test."""
    stop_totp_clock(monkeypatch)


def totp_code(secret, offset=0):
    """The code an authenticator app shows now (or `offset` periods later) for `secret`, by the
    clock allauth checks codes by."""
    counter = int(totp_auth.time.time()) // mfa_settings.TOTP_PERIOD + offset
    return format_hotp_value(hotp_value(secret, counter))


def add_totp(user):
    """Give the user a real TOTP authenticator; its secret is kept as `user.totp_secret`."""
    user.totp_secret = generate_totp_secret()
    TOTP.activate(user, user.totp_secret)
    return user


def create_user(
    role=None,
    municipality_code=None,
    verified=True,
    mfa=False,
    lead=False,
    email=None,
    password=PASSWORD,
    **fields,
):
    """A user with an e-mail address, roles and (with `mfa`) a TOTP authenticator."""
    number = next(_numbers)
    municipality = Municipality.objects.get(code=municipality_code) if municipality_code else None
    email = email or f"bruger{number}@example.org"
    user = User.objects.create_user(
        username=email,
        email=email,
        password=password,
        first_name=fields.pop("first_name", "Bruger"),
        last_name=fields.pop("last_name", str(number)),
        municipality=municipality,
        workplace=Workplace.MUNICIPALITY if municipality else Workplace.OTHER,
        is_lead_caseworker=lead,
        **fields,
    )
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    role_names = [role] if isinstance(role, str) else list(role or ())
    if role_names:
        user.groups.add(*Group.objects.filter(name__in=role_names))
        assert user.groups.count() == len(role_names), role_names
    if mfa:
        add_totp(user)
    user.raw_password = password
    return user


@pytest.fixture
def make_user(db):
    return create_user


def login_with_password(client, user, password=None, **extra):
    """POST allauth's log-in form; returns the response."""
    password = password or getattr(user, "raw_password", PASSWORD)
    return client.post(LOGIN_URL, {"login": user.email, "password": password}, **extra)


def login_with_mfa(client, user, code=None):
    """Log in through allauth's real flow: password, then the TOTP code at the MFA stage."""
    response = login_with_password(client, user)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response.url.startswith(MFA_AUTHENTICATE_URL), response.url
    response = client.post(MFA_AUTHENTICATE_URL, {"code": code or totp_code(user.totp_secret)})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert client.session["_auth_user_id"] == str(user.pk)
    assert "mfa" in {r["method"] for r in client.session["account_authentication_methods"]}
    return response


def login(client, user):
    """Log in the way the user's account requires: with TOTP if they have it, else password."""
    if getattr(user, "totp_secret", None):
        return login_with_mfa(client, user)
    response = login_with_password(client, user)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert client.session["_auth_user_id"] == str(user.pk)
    return response


def session_cookie(user, url):
    """The session cookie of a real log-in (`login`) for a browser at `url`. The TOTP clock is
    stopped here too, for log-ins made by module-scoped fixtures before the test's own clock."""
    client = Client()
    with pytest.MonkeyPatch.context() as patch:
        stop_totp_clock(patch)
        login(client, user)
    return {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": url}


def signed_in_cookies(users):
    """{role: the cookies of a browser signed in as `users[role]()`} through allauth's real
    log-in (with TOTP where the user has it), and "anonymous": none; for module-scoped fixtures,
    so a module signs each role in once."""
    cookies = {"anonymous": SimpleCookie()}
    with pytest.MonkeyPatch.context() as patch:
        stop_totp_clock(patch)  # the tests' own stopped clock comes after a module's fixtures
        for role, make in users.items():
            browser = Client()
            login(browser, make())
            cookies[role] = browser.cookies
    return cookies


def as_role_with(client, cookies):
    """`sign_in(role)`: the client with a copy of the role's cookies (`signed_in_cookies`)."""

    def sign_in(role):
        client.cookies = copy.deepcopy(cookies[role])
        return client

    return sign_in


@pytest.fixture(name="totp_code")
def totp_code_fixture():
    return totp_code


@pytest.fixture(name="add_totp")
def add_totp_fixture():
    return add_totp


@pytest.fixture(name="login_with_password")
def login_with_password_fixture():
    return login_with_password


@pytest.fixture(name="login_with_mfa")
def login_with_mfa_fixture():
    return login_with_mfa


@pytest.fixture(name="login")
def login_fixture():
    return login


@pytest.fixture
def member(make_user):
    return make_user(roles.MEMBER)


@pytest.fixture
def caseworker_kk(make_user):
    return make_user([roles.CASEWORKER, roles.MEMBER], municipality_code=101, mfa=True)


@pytest.fixture
def lead_caseworker_kk(make_user):
    return make_user([roles.CASEWORKER, roles.MEMBER], municipality_code=101, mfa=True, lead=True)


@pytest.fixture
def lead_caseworker_aarhus(make_user):
    return make_user([roles.CASEWORKER, roles.MEMBER], municipality_code=751, mfa=True, lead=True)


@pytest.fixture
def editor(make_user):
    return make_user(roles.EDITOR, mfa=True)


@pytest.fixture
def administrator(make_user):
    return make_user(roles.ADMINISTRATOR, mfa=True)


def unzipped(response):
    """The data download's files, {name: bytes}, from its ZIP."""
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/zip"
    with zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def downloaded_data(response):
    """The data download's JSON."""
    return json.loads(unzipped(response)["mine-data.json"])
