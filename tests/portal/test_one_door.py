"""One door: allauth's log-in is the only way in, so no other form skips verification or MFA."""

import pytest

from portal import roles

pytestmark = pytest.mark.django_db

OTHER_LOGIN_FORMS = [
    "/admin/login/",
    "/_util/login/",
    "/_util/authenticate_with_password/1/2/",
    "/django-admin/login/",
]


@pytest.fixture(params=["unverified", "editor_without_mfa"])
def unfit_user(request, make_user):
    if request.param == "unverified":
        return make_user(roles.MEMBER, verified=False)
    return make_user(roles.EDITOR)


@pytest.mark.parametrize("url", OTHER_LOGIN_FORMS)
@pytest.mark.parametrize("login_field", ["username", "login", "email"])
def test_other_login_forms_create_no_session(client, unfit_user, url, login_field):
    response = client.post(
        f"{url}?next=/admin/", {login_field: unfit_user.email, "password": unfit_user.raw_password}
    )

    assert response.status_code in (302, 404, 405)
    if response.status_code == 302:
        assert response.url.startswith("/konto/login/")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


def test_admin_login_sends_to_allauth_keeping_next(client):
    response = client.get("/admin/login/?next=/admin/pages/")

    assert response.status_code == 302
    assert response.url == "/konto/login/?next=/admin/pages/"


def test_admin_password_reset_sends_to_allauth(client):
    response = client.get("/admin/password_reset/")

    assert response.status_code == 302
    assert response.url == "/konto/password/reset/"


def test_django_admin_has_no_url(client):
    assert client.get("/django-admin/").status_code == 404
    assert client.get("/django-admin/login/").status_code == 404


def test_unverified_user_gets_no_session_through_allauth(
    client, make_user, login_with_password, mailoutbox
):
    user = make_user(roles.MEMBER, verified=False)

    response = login_with_password(client, user)

    assert response.status_code == 302
    assert response.url == "/konto/confirm-email/"
    assert "_auth_user_id" not in client.session
    assert [m.to for m in mailoutbox] == [[user.email]]


def test_editor_without_mfa_is_sent_to_set_it_up_and_cannot_open_the_admin(
    client, make_user, login_with_password
):
    editor = make_user(roles.EDITOR)
    login_with_password(client, editor)
    assert client.session["_auth_user_id"] == str(editor.pk)

    for url in ("/admin/", "/admin/pages/", "/admin/sikkerhedslog/", "/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith("/konto/2fa/totp/activate/?next="), url


def test_wagtail_view_restriction_password_form_is_not_a_way_in(client, make_user):
    editor = make_user(roles.EDITOR)

    response = client.post(
        "/_util/authenticate_with_password/1/2/",
        {"password": editor.raw_password, "return_url": "/admin/"},
    )

    assert response.status_code == 302
    assert response.url.startswith("/konto/login/")
    assert "_auth_user_id" not in client.session
