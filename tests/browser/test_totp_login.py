"""A person with an authenticator app logs in: password, then the six-digit code, then the admin."""

import re

import pytest
from accounts_fixtures import totp_code
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group
from module_site import shared_tab  # noqa: F401
from playwright.sync_api import expect

from portal import roles
from portal.models import User

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Korrekt-hest-batteri-42"


@pytest.fixture(scope="module")
def editor(module_live_server):
    """An editor with a TOTP secret, made once for the module (its tests change nothing)."""
    user = User.objects.create_user(
        username="redaktoer@bpst.dk",
        email="redaktoer@bpst.dk",
        password=PASSWORD,
        first_name="Rasmus",
        last_name="Redaktør",
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    user.groups.add(Group.objects.get(name=roles.EDITOR))
    user.totp_secret = generate_totp_secret()
    TOTP.activate(user, user.totp_secret)
    return user


def submit(tab):
    """Press the submit button of the page's one form with a visible input (not the search)."""
    tab.locator("main form button[type=submit]").first.click()


def test_editor_logs_in_with_password_and_totp_code_and_reaches_the_admin(tab, editor):
    tab.goto("/admin/")
    expect(tab).to_have_url(re.compile(r"/konto/login/\?next=/admin/$"))

    tab.fill("input[name=login]", editor.email)
    tab.fill("input[name=password]", PASSWORD)
    submit(tab)

    tab.wait_for_url("**/konto/2fa/authenticate/**")
    assert "/admin/" not in tab.url
    tab.fill("input[name=code]", totp_code(editor.totp_secret))
    submit(tab)

    tab.wait_for_url("**/admin/")
    expect(tab.locator("body")).to_contain_text("Rasmus")


def test_wrong_code_keeps_the_editor_out(tab, editor):
    tab.goto("/konto/login/?next=/admin/")
    tab.fill("input[name=login]", editor.email)
    tab.fill("input[name=password]", PASSWORD)
    submit(tab)
    tab.wait_for_url("**/konto/2fa/authenticate/**")
    right = totp_code(editor.totp_secret)

    tab.fill("input[name=code]", f"{(int(right) + 1) % 1_000_000:06d}")
    submit(tab)

    tab.wait_for_load_state()
    assert "/konto/2fa/authenticate/" in tab.url
    tab.goto("/admin/")
    assert re.search(r"/konto/(login|2fa/authenticate)/", tab.url), tab.url
