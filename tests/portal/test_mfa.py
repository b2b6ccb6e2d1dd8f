"""Two-factor authentication: who must use it, and that allauth's TOTP flow is what lets them in."""

import re

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from django.contrib.auth.models import AnonymousUser

from portal import access, roles

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "role", [roles.EDITOR, roles.APPROVER, roles.CASEWORKER, roles.ADMINISTRATOR]
)
def test_roles_that_change_content_or_see_monitoring_require_mfa(make_user, role):
    assert access.requires_mfa(make_user(role))


def test_member_and_anonymous_do_not_require_mfa(make_user):
    assert not access.requires_mfa(make_user(roles.MEMBER))
    assert not access.requires_mfa(make_user())
    assert not access.requires_mfa(AnonymousUser())


def test_superuser_requires_mfa(make_user):
    assert access.requires_mfa(make_user(is_superuser=True))


def test_password_only_session_is_sent_to_confirm_with_totp(
    client, make_user, login_with_password, add_totp
):
    editor = make_user(roles.EDITOR)
    # A session authenticated by password only, before the user had an authenticator.
    response = login_with_password(client, editor)
    assert client.session["_auth_user_id"] == str(editor.pk)
    add_totp(editor)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url.startswith("/konto/2fa/reauthenticate/")
    assert "next=%2Fadmin%2F" in response.url


def test_forced_session_without_authentication_record_is_sent_to_confirm(client, editor):
    client.force_login(editor)

    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert response.url.startswith("/konto/2fa/reauthenticate/")


def test_reauthenticating_with_totp_opens_the_admin(
    client, make_user, login_with_password, add_totp, totp_code
):
    editor = make_user(roles.EDITOR)
    login_with_password(client, editor)
    add_totp(editor)

    response = client.post(
        "/konto/2fa/reauthenticate/?next=/admin/", {"code": totp_code(editor.totp_secret)}
    )

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_totp_login_opens_the_admin(client, editor, login_with_mfa):
    login_with_mfa(client, editor)

    assert client.get("/admin/").status_code == 200


def test_password_alone_does_not_log_in_a_user_with_totp(client, editor, login_with_password):
    response = login_with_password(client, editor)

    assert response.status_code == 302
    assert response.url.startswith("/konto/2fa/authenticate/")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_wrong_totp_code_is_refused(client, editor, login_with_password, totp_code):
    login_with_password(client, editor)
    right = totp_code(editor.totp_secret)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"

    response = client.post("/konto/2fa/authenticate/", {"code": wrong})

    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session


def test_reused_totp_code_is_refused(
    client, editor, login_with_mfa, login_with_password, totp_code
):
    code = totp_code(editor.totp_secret)
    login_with_mfa(client, editor, code=code)
    client.post("/konto/logout/")
    assert "_auth_user_id" not in client.session

    login_with_password(client, editor)
    response = client.post("/konto/2fa/authenticate/", {"code": code})

    assert response.status_code == 200
    assert "code" in response.context["form"].errors
    assert "_auth_user_id" not in client.session


def confirm_password(client, user):
    """allauth asks for the password again before an authenticator is added."""
    response = client.post("/konto/reauthenticate/", {"password": user.raw_password})
    assert response.status_code == 302, response.content.decode()[:2000]


def test_activating_totp_asks_for_the_password_again(client, make_user, login_with_password):
    caseworker = make_user(roles.CASEWORKER, municipality_code=101)
    login_with_password(client, caseworker)

    response = client.get("/konto/2fa/totp/activate/")

    assert response.status_code == 302
    assert response.url.startswith("/konto/reauthenticate/")


def test_activating_totp_through_the_view_creates_recovery_codes(
    client, make_user, login_with_password, totp_code
):
    caseworker = make_user(roles.CASEWORKER, municipality_code=101)
    login_with_password(client, caseworker)
    confirm_password(client, caseworker)

    response = client.get("/konto/2fa/totp/activate/")
    assert response.status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    assert secret == response.context["form"].secret
    assert re.search(rf"secret={secret}", response.context["totp_url"])

    response = client.post("/konto/2fa/totp/activate/", {"code": totp_code(secret)})

    assert response.status_code == 302
    assert response.url == "/konto/2fa/recovery-codes/"
    types = set(Authenticator.objects.filter(user=caseworker).values_list("type", flat=True))
    assert types == {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}
    codes = client.get("/konto/2fa/recovery-codes/").context["unused_codes"]
    assert len(codes) == 10


def test_activation_with_wrong_code_adds_nothing(client, make_user, login_with_password):
    caseworker = make_user(roles.CASEWORKER, municipality_code=101)
    login_with_password(client, caseworker)
    confirm_password(client, caseworker)
    client.get("/konto/2fa/totp/activate/")

    response = client.post("/konto/2fa/totp/activate/", {"code": "000000x"})

    assert response.status_code == 200
    assert not Authenticator.objects.filter(user=caseworker).exists()


def test_recovery_code_logs_in_instead_of_totp(client, make_user, login_with_password, totp_code):
    caseworker = make_user(roles.CASEWORKER, municipality_code=101)
    login_with_password(client, caseworker)
    confirm_password(client, caseworker)
    client.get("/konto/2fa/totp/activate/")
    client.post(
        "/konto/2fa/totp/activate/", {"code": totp_code(client.session[SECRET_SESSION_KEY])}
    )
    recovery_code = client.get("/konto/2fa/recovery-codes/").context["unused_codes"][0]
    client.post("/konto/logout/")

    login_with_password(client, caseworker)
    client.post("/konto/2fa/authenticate/", {"code": recovery_code})

    assert client.session["_auth_user_id"] == str(caseworker.pk)
    assert client.get("/konto/profil/").status_code == 200


def test_member_without_mfa_reaches_pages_without_being_asked(client, member, login):
    login(client, member)

    response = client.get("/konto/profil/")

    assert response.status_code == 200
