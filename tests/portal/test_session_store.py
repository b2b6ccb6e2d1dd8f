"""The portal's session store reads Django's session rows with its own SQL: a session logged
out, rotated at log-in or expired is refused as Django's store refuses it, and each cookie
gives its own user."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from portal import roles

pytestmark = pytest.mark.django_db


def signed_in_as(cookie):
    """The user id a fresh client holding only `cookie` is signed in as, or None."""
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = cookie
    response = client.get(reverse("profile"))
    if response.status_code != 200:
        return None
    return client.session.get("_auth_user_id")


def cookie_of(client):
    return client.cookies[settings.SESSION_COOKIE_NAME].value


def test_each_cookie_gives_its_own_user(make_user, login):
    member, other = make_user(roles.MEMBER), make_user(roles.MEMBER)
    first, second = Client(), Client()
    login(first, member), login(second, other)
    assert signed_in_as(cookie_of(first)) == str(member.pk)
    assert signed_in_as(cookie_of(second)) == str(other.pk)


def test_a_logged_out_session_signs_no_one_in(make_user, login):
    client = Client()
    login(client, make_user(roles.MEMBER))
    cookie = cookie_of(client)
    client.post(reverse("account_logout"))
    assert signed_in_as(cookie) is None


def test_the_key_before_log_in_is_worth_nothing_after_it(make_user, login):
    client = Client()
    session = client.session
    session["before"] = "log-in"
    session.save()
    before = session.session_key
    client.cookies[settings.SESSION_COOKIE_NAME] = before

    user = make_user(roles.MEMBER)
    login(client, user)
    assert cookie_of(client) != before
    assert not Session.objects.filter(session_key=before).exists()
    assert signed_in_as(before) is None
    assert signed_in_as(cookie_of(client)) == str(user.pk)


def test_an_expired_session_signs_no_one_in(make_user, login):
    client = Client()
    login(client, make_user(roles.MEMBER))
    cookie = cookie_of(client)
    Session.objects.filter(session_key=cookie).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    assert signed_in_as(cookie) is None
