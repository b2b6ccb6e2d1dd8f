"""Signing up, confirming the e-mail address, resetting the password and changing the address."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.test import Client

from portal.models import User, Workplace

pytestmark = pytest.mark.django_db

PASSWORD = "Lang-og-sikker-adgang-7"


def link_in(message):
    """The first link in an e-mail, as a path on the test server."""
    url = re.search(r"https?://[^/\s]+(/\S+)", message.body)
    assert url, message.body
    return url.group(1)


def sign_up(client, email, password=PASSWORD):
    return client.post(
        "/konto/signup/", {"email": email, "password1": password, "password2": password}
    )


def test_signup_sends_verification_and_logs_no_one_in(client, mailoutbox):
    response = sign_up(client, "ny.sagsbehandler@kk.dk")

    assert response.status_code == 302
    assert response.url == "/konto/confirm-email/"
    assert "_auth_user_id" not in client.session
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["ny.sagsbehandler@kk.dk"]
    assert "/konto/confirm-email/" in mailoutbox[0].body
    # The portal's name, not the host the request came to ("testserver", "127.0.0.1").
    assert mailoutbox[0].subject.startswith("[Tilsynsportalen] ")
    assert mailoutbox[0].body.startswith("Hej fra Tilsynsportalen!")
    assert "testserver" not in mailoutbox[0].subject + mailoutbox[0].body.split("http")[0]
    user = User.objects.get(email="ny.sagsbehandler@kk.dk")
    assert user.username == user.email
    assert not EmailAddress.objects.get(user=user).verified


def test_signup_suggests_the_municipality_of_the_e_mail_domain(client):
    sign_up(client, "ny.sagsbehandler@kk.dk")

    user = User.objects.get(email="ny.sagsbehandler@kk.dk")
    assert user.municipality.name == "København"
    assert user.workplace == Workplace.MUNICIPALITY
    assert not user.groups.exists()


def test_signup_with_other_domain_suggests_no_municipality(client):
    sign_up(client, "konsulent@example.org")

    user = User.objects.get(email="konsulent@example.org")
    assert user.municipality is None
    assert user.workplace == Workplace.OTHER


def test_weak_password_is_refused_in_danish(client):
    response = sign_up(client, "ny@kk.dk", password="kort")

    assert response.status_code == 200
    assert "for kort" in response.content.decode()
    assert not User.objects.filter(email="ny@kk.dk").exists()


def test_confirmation_link_verifies_and_log_in_then_works(client, mailoutbox):
    sign_up(client, "ny.sagsbehandler@kk.dk")
    confirm_url = link_in(mailoutbox[0])

    assert client.get(confirm_url).status_code == 200
    response = client.post(confirm_url)

    assert response.status_code == 302
    assert EmailAddress.objects.get(email="ny.sagsbehandler@kk.dk").verified
    assert "_auth_user_id" not in client.session
    client.post("/konto/login/", {"login": "ny.sagsbehandler@kk.dk", "password": PASSWORD})
    user = User.objects.get(email="ny.sagsbehandler@kk.dk")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.get("/konto/profil/").status_code == 200


def test_log_in_before_confirmation_creates_no_session(client, mailoutbox):
    sign_up(client, "ny@kk.dk")
    client.post("/konto/login/", {"login": "ny@kk.dk", "password": PASSWORD})

    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("key", ["forfalsket-noegle", "a" * 64])
def test_forged_confirmation_key_gives_a_clear_message(client, mailoutbox, key):
    sign_up(client, "ny@kk.dk")

    response = client.get(f"/konto/confirm-email/{key}/")

    assert response.status_code == 200
    assert "udløbet eller ugyldigt" in response.content.decode()
    assert client.post(f"/konto/confirm-email/{key}/").status_code == 404
    assert not EmailAddress.objects.get(email="ny@kk.dk").verified


def test_expired_confirmation_link_gives_a_clear_message(client, mailoutbox, settings):
    sign_up(client, "ny@kk.dk")
    confirm_url = link_in(mailoutbox[0])
    settings.ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = -1

    response = client.get(confirm_url)

    assert "udløbet eller ugyldigt" in response.content.decode()
    client.post(confirm_url)
    assert not EmailAddress.objects.get(email="ny@kk.dk").verified


def test_tampered_confirmation_link_does_not_verify(client, mailoutbox):
    sign_up(client, "ny@kk.dk")
    confirm_url = link_in(mailoutbox[0])
    tampered = confirm_url[:-3] + ("A" if confirm_url[-3] != "A" else "B") + confirm_url[-2:]

    client.post(tampered)

    assert not EmailAddress.objects.get(email="ny@kk.dk").verified


def test_password_reset_by_e_mail(client, make_user, mailoutbox):
    member = make_user(email="glemsom@example.org")

    response = client.post("/konto/password/reset/", {"email": member.email})

    assert response.status_code == 302
    assert len(mailoutbox) == 1
    reset_url = link_in(mailoutbox[0])
    response = client.get(reset_url)
    assert response.status_code == 302
    set_password_url = response.url
    new_password = "Helt-nyt-kodeord-99"
    response = client.post(set_password_url, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password(new_password)
    assert not member.check_password(member.raw_password)
    client.post("/konto/login/", {"login": member.email, "password": new_password})
    assert client.session["_auth_user_id"] == str(member.pk)


def test_password_reset_for_unknown_address_reveals_nothing(client, mailoutbox):
    response = client.post("/konto/password/reset/", {"email": "ukendt@example.org"})

    assert response.status_code == 302
    assert all("/konto/password/reset/key/" not in m.body for m in mailoutbox)


def test_reset_link_works_only_once(client, make_user, mailoutbox):
    member = make_user()
    client.post("/konto/password/reset/", {"email": member.email})
    reset_url = link_in(mailoutbox[0])
    set_password_url = client.get(reset_url).url
    client.post(
        set_password_url, {"password1": "Forste-nye-kode-11", "password2": "Forste-nye-kode-11"}
    )
    client.post("/konto/logout/")

    other = Client()
    other.get(reset_url)
    response = other.post(
        set_password_url, {"password1": "Anden-nye-kode-22", "password2": "Anden-nye-kode-22"}
    )

    member.refresh_from_db()
    assert not member.check_password("Anden-nye-kode-22")
    assert response.status_code in (200, 302)


def test_changing_e_mail_requires_verification(client, make_user, login, mailoutbox):
    member = make_user(email="gammel@example.org")
    login(client, member)

    response = client.post("/konto/email/", {"email": "ny@aarhus.dk", "action_add": ""})

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.email == "gammel@example.org"
    new_address = EmailAddress.objects.get(email="ny@aarhus.dk")
    assert not new_address.verified
    assert [m.to for m in mailoutbox] == [["ny@aarhus.dk"]]

    client.post(link_in(mailoutbox[0]))

    member.refresh_from_db()
    assert member.email == "ny@aarhus.dk"
    assert list(EmailAddress.objects.filter(user=member).values_list("email", "verified")) == [
        ("ny@aarhus.dk", True)
    ]
