"""Failed log-ins are rate limited per (e-mail, client address) and per client address, and
lock-outs are audited; nobody can lock an account out from another address."""

import pytest
from django.test import Client, override_settings

from portal import roles
from portal.models import AuditEvent

pytestmark = pytest.mark.django_db

TOO_MANY = "for mange mislykkede"


def fail_login(client, email, **extra):
    return client.post("/konto/login/", {"login": email, "password": "forkert-kodeord"}, **extra)


def test_sixth_attempt_is_refused_even_with_the_right_password(
    client, make_user, login_with_password
):
    member = make_user(roles.MEMBER)
    for _attempt in range(5):
        response = fail_login(client, member.email)
        assert response.status_code == 200
        assert TOO_MANY not in response.content.decode()

    response = login_with_password(client, member)

    assert response.status_code == 200
    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in client.session
    lockout = AuditEvent.objects.get(kind=AuditEvent.Kind.LOCKOUT)
    assert lockout.details == {"attempted": member.email}
    assert lockout.ip_address == "127.0.0.1"
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.LOGIN_FAILED).count() == 5
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.LOGIN).exists()


def test_right_password_from_another_address_still_logs_in(client, make_user, login_with_password):
    member = make_user(roles.MEMBER)
    for _attempt in range(5):
        fail_login(client, member.email, REMOTE_ADDR="203.0.113.66")

    owner = Client()
    response = login_with_password(owner, member, REMOTE_ADDR="198.51.100.10")

    assert response.status_code == 302
    assert owner.session["_auth_user_id"] == str(member.pk)


def test_guessing_from_another_address_is_slowed_there_too(client, make_user):
    member = make_user(roles.MEMBER)
    for _attempt in range(5):
        fail_login(client, member.email, REMOTE_ADDR="203.0.113.66")
    for _attempt in range(5):
        response = fail_login(client, member.email, REMOTE_ADDR="203.0.113.67")
        assert TOO_MANY not in response.content.decode()

    response = fail_login(client, member.email, REMOTE_ADDR="203.0.113.67")

    assert TOO_MANY in response.content.decode()


def test_limit_is_per_e_mail_address(client, make_user, login_with_password):
    locked, other = make_user(roles.MEMBER), make_user(roles.MEMBER)
    for _attempt in range(5):
        fail_login(client, locked.email)

    login_with_password(client, other)

    assert client.session["_auth_user_id"] == str(other.pk)


def test_failed_attempts_with_other_letter_case_count_for_the_same_address(
    client, make_user, login_with_password
):
    member = make_user(roles.MEMBER)
    for attempt in range(5):
        email = member.email.upper() if attempt % 2 else member.email
        fail_login(client, email)

    response = login_with_password(client, member)

    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=0)
def test_forged_forwarded_for_is_ignored_without_trusted_proxies(client, make_user):
    member = make_user(roles.MEMBER)

    fail_login(client, member.email, REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.9")

    event = AuditEvent.objects.get(kind=AuditEvent.Kind.LOGIN_FAILED)
    assert event.ip_address == "198.51.100.7"
    assert event.subject == member


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=0)
def test_forged_forwarded_for_does_not_escape_the_address_limit(client, make_user):
    for number in range(10):
        fail_login(
            client,
            f"gaet{number}@example.org",
            REMOTE_ADDR="198.51.100.7",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{number}",
        )
    member = make_user(roles.MEMBER)

    response = client.post(
        "/konto/login/",
        {"login": member.email, "password": member.raw_password},
        REMOTE_ADDR="198.51.100.7",
        HTTP_X_FORWARDED_FOR="203.0.113.200",
    )

    assert TOO_MANY in response.content.decode()
    assert "_auth_user_id" not in client.session


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_one_trusted_proxy_uses_the_right_most_forwarded_address(client, make_user):
    member = make_user(roles.MEMBER)

    fail_login(
        client,
        member.email,
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7",
    )

    event = AuditEvent.objects.get(kind=AuditEvent.Kind.LOGIN_FAILED)
    assert event.ip_address == "198.51.100.7"


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_successful_login_records_the_forwarded_address(client, make_user):
    member = make_user(roles.MEMBER)

    client.post(
        "/konto/login/",
        {"login": member.email, "password": member.raw_password},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.23",
    )

    event = AuditEvent.objects.get(kind=AuditEvent.Kind.LOGIN)
    assert (event.subject, event.actor, event.ip_address) == (member, member, "198.51.100.23")
