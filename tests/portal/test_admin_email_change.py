"""An administrator's change of a user's e-mail in the Wagtail user editor is only a proposal:
the new address must be confirmed by its owner, the old one stays until then, both are logged."""

import re

import pytest
from allauth.account.models import EmailAddress

from portal import roles
from portal.models import AuditEvent

pytestmark = pytest.mark.django_db


def link_in(message):
    return re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)


def edit_email(client, user, email):
    """POST the user editor as it was shown, with only the e-mail changed."""
    url = f"/admin/users/edit/{user.pk}/"
    form = client.get(url).context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if name == "groups":
            data[name] = [group.pk for group in value] if value else []
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = value
    data["email"] = email
    return client.post(url, data)


@pytest.fixture
def target(make_user):
    return make_user(roles.CASEWORKER, municipality_code=101, email="sagsbehandler@kk.dk")


def test_new_address_waits_for_confirmation(client, administrator, login, target, mailoutbox):
    login(client, administrator)

    response = edit_email(client, target, "ny@angriber.example")

    assert response.status_code == 302
    target.refresh_from_db()
    assert target.email == "sagsbehandler@kk.dk"
    addresses = {a.email: (a.verified, a.primary) for a in EmailAddress.objects.filter(user=target)}
    assert addresses == {
        "sagsbehandler@kk.dk": (True, True),
        "ny@angriber.example": (False, False),
    }
    assert [m.to for m in mailoutbox] == [["ny@angriber.example"]]
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.EMAIL_CHANGE_REQUESTED)
    assert (event.subject, event.actor) == (target, administrator)
    assert event.details == {
        "old_email": "sagsbehandler@kk.dk",
        "new_email": "ny@angriber.example",
    }


def test_password_reset_to_the_unconfirmed_address_sends_nothing(
    client, administrator, login, target, mailoutbox
):
    login(client, administrator)
    edit_email(client, target, "ny@angriber.example")
    mailoutbox.clear()

    client.post("/konto/password/reset/", {"email": "ny@angriber.example"})

    assert "/konto/password/reset/key/" not in "".join(m.body for m in mailoutbox)


def test_confirmed_address_becomes_the_users_and_is_logged(
    client, administrator, login, target, mailoutbox, django_user_model
):
    login(client, administrator)
    edit_email(client, target, "ny@kk.dk")
    confirmation = mailoutbox[-1]

    client.post("/konto/logout/")
    response = client.post(link_in(confirmation))

    assert response.status_code == 302
    target.refresh_from_db()
    assert (target.email, target.username) == ("ny@kk.dk", "ny@kk.dk")
    assert list(EmailAddress.objects.filter(user=target).values_list("email", "primary")) == [
        ("ny@kk.dk", True)
    ]
    changed = AuditEvent.objects.get(kind=AuditEvent.Kind.EMAIL_CHANGED)
    assert changed.subject == target
    assert changed.details == {"old_email": "sagsbehandler@kk.dk", "new_email": "ny@kk.dk"}


def test_address_of_another_account_is_refused(client, administrator, login, target, member):
    login(client, administrator)

    response = edit_email(client, target, member.email)

    assert response.status_code == 200
    assert "email" in response.context["form"].errors
    assert not EmailAddress.objects.filter(user=target, email=member.email).exists()
