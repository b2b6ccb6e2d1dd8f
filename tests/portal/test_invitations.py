"""Invitations: an administrator invites by e-mail to a role; the role is given on confirmation."""

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.core import signing
from django.test import Client
from django.utils import timezone

from portal import access, roles
from portal.accounts import invitations
from portal.models import AuditEvent, Invitation, Municipality, User

pytestmark = pytest.mark.django_db

INVITE_URL = "/konto/invitationer/ny/"
PASSWORD = "Inviteret-og-sikker-5"


def link_in(message):
    url = re.search(r"https?://[^/\s]+(/\S+)", message.body)
    assert url, message.body
    return url.group(1)


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def odense():
    return Municipality.objects.get(code=461)


@pytest.fixture
def invite(client, administrator, login, django_capture_on_commit_callbacks):
    """Invite through the real form as a logged-in administrator; returns the response."""
    login(client, administrator)

    def send(email, role=roles.CASEWORKER, municipality=None):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                INVITE_URL,
                {
                    "email": email,
                    "role": role,
                    "municipality": municipality.pk if municipality else "",
                },
            )

    return send


def sign_up_and_confirm(client, email, mailoutbox):
    client.post("/konto/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD})
    confirmation = [m for m in mailoutbox if "/konto/confirm-email/" in m.body][-1]
    response = client.post(link_in(confirmation))
    assert response.status_code == 302
    return User.objects.get(email=email)


def test_administrator_invites_by_e_mail_with_a_signed_link(
    invite, administrator, odense, mailoutbox
):
    response = invite("new@odense.dk", municipality=odense)

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role, invitation.municipality) == (
        "new@odense.dk",
        roles.CASEWORKER,
        odense,
    )
    assert invitation.invited_by == administrator
    assert [m.to for m in mailoutbox] == [["new@odense.dk"]]
    link = link_in(mailoutbox[0])
    # The token is signed with a timestamp, so compare what it opens, not its text.
    token = link.removeprefix("/konto/invitation/").removesuffix("/")
    assert link == f"/konto/invitation/{token}/"
    assert invitations.invitation_for_token(token) == invitation
    assert "Odense" in mailoutbox[0].body
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.INVITATION_SENT)
    assert event.details == {"email": "new@odense.dk", "role": roles.CASEWORKER}
    assert event.actor == administrator


def test_invitee_signs_up_confirms_and_gets_the_role_and_municipality(invite, odense, mailoutbox):
    invite("new@odense.dk", municipality=odense)
    invitee = Client()

    response = invitee.get(link_in(mailoutbox[0]))
    assert response.status_code == 302
    assert response.url.startswith("/konto/signup/")

    user = sign_up_and_confirm(invitee, "new@odense.dk", mailoutbox)

    assert access.caseworker_municipality(user) == odense
    assert Invitation.objects.get().accepted_by == user


def test_invitation_municipality_wins_over_the_e_mail_domain(invite, odense, mailoutbox):
    invite("konsulent@kk.dk", municipality=odense)

    user = sign_up_and_confirm(Client(), "konsulent@kk.dk", mailoutbox)

    assert user.municipality == odense
    assert user.groups.filter(name=roles.CASEWORKER).exists()


def test_no_role_before_the_e_mail_is_confirmed(invite, odense, mailoutbox):
    invite("new@odense.dk", municipality=odense)
    Client().post(
        "/konto/signup/",
        {"email": "new@odense.dk", "password1": PASSWORD, "password2": PASSWORD},
    )

    user = User.objects.get(email="new@odense.dk")
    assert not user.groups.exists()
    assert Invitation.objects.get().accepted_at is None


@pytest.mark.parametrize(
    "token",
    [
        "forfalsket",
        "1:1u2v3w:abcdefghijklmnopqrstuvwxyz0",
        signing.TimestampSigner(salt="en.anden.salt").sign("1"),
    ],
    ids=["garbage", "bad-signature", "other-salt"],
)
def test_forged_token_gives_a_danish_error_and_no_role(client, make_user, login, token):
    member = make_user(roles.MEMBER)
    Invitation.objects.create(pk=1, email=member.email, role=roles.ADMINISTRATOR)
    login(client, member)

    response = client.get(f"/konto/invitation/{token}/")

    assert response.status_code == 302
    assert response.url == "/"
    assert "udløbet, allerede brugt eller ugyldigt" in messages_of(response)[-1]
    assert not access.is_administrator(User.objects.get(pk=member.pk))


def test_tampered_token_naming_another_invitation_is_refused(
    invite, odense, client, mailoutbox, login, make_user
):
    invite("new@odense.dk", municipality=odense)
    invite("admin@bpst.dk", role=roles.ADMINISTRATOR)
    member_invitation, admin_invitation = Invitation.objects.order_by("pk")
    token = invitations.token_for(member_invitation)
    tampered = token.replace(str(member_invitation.pk), str(admin_invitation.pk), 1)
    assert tampered != token

    assert invitations.invitation_for_token(tampered) is None


def test_expired_token_is_refused(invite, odense, mailoutbox, monkeypatch):
    invite("new@odense.dk", municipality=odense)
    link = link_in(mailoutbox[0])
    later = timezone.now() + datetime.timedelta(days=15)
    monkeypatch.setattr(signing.time, "time", lambda: later.timestamp())

    response = Client().get(link)

    assert response.url == "/"
    assert "udløbet" in messages_of(response)[-1]


def test_invitation_is_not_applied_after_it_expired(invite, odense, mailoutbox):
    invite("new@odense.dk", municipality=odense)
    Invitation.objects.update(created_at=timezone.now() - datetime.timedelta(days=15))

    user = sign_up_and_confirm(Client(), "new@odense.dk", mailoutbox)

    # A confirmed municipal address makes a network member; the invited role is not given.
    assert list(user.groups.values_list("name", flat=True)) == [roles.MEMBER]


def test_invitation_opened_by_another_logged_in_user_is_forbidden(
    invite, odense, mailoutbox, make_user, login
):
    invite("new@odense.dk", municipality=odense)
    other = make_user(roles.MEMBER, email="anden@kk.dk")
    other_client = Client()
    login(other_client, other)

    response = other_client.get(link_in(mailoutbox[0]))

    assert response.status_code == 403
    other.refresh_from_db()
    assert list(other.groups.values_list("name", flat=True)) == [roles.MEMBER]
    assert other.municipality is None
    assert Invitation.objects.get().accepted_at is None
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.REFUSED, actor=other).exists()


def test_existing_user_accepts_while_logged_in_and_the_link_then_is_used(
    invite, odense, mailoutbox, make_user, login
):
    existing = make_user(roles.MEMBER, email="kollega@odense.dk")
    invite("kollega@odense.dk", municipality=odense)
    existing_client = Client()
    login(existing_client, existing)
    link = link_in(mailoutbox[0])

    response = existing_client.get(link)

    assert response.status_code == 302
    assert response.url == "/konto/profil/"
    existing.refresh_from_db()
    assert access.caseworker_municipality(existing) == odense
    assert existing_client.get(link).url == "/"


@pytest.mark.parametrize("who", ["member", "editor", "lead_caseworker_kk"])
def test_non_administrators_get_404(client, request, login, who):
    login(client, request.getfixturevalue(who))

    assert client.get(INVITE_URL).status_code == 404
    assert (
        client.post(INVITE_URL, {"email": "x@kk.dk", "role": roles.ADMINISTRATOR}).status_code
        == 404
    )
    assert not Invitation.objects.exists()


def test_caseworker_invitation_needs_a_municipality(invite, mailoutbox):
    response = invite("new@odense.dk")

    assert response.status_code == 200
    assert "skal knyttes til en kommune" in str(response.context["form"].errors["municipality"])
    assert not Invitation.objects.exists()
    assert mailoutbox == []


def test_unknown_role_is_refused(invite, mailoutbox):
    response = invite("new@odense.dk", role="superbruger")

    assert response.status_code == 200
    assert "role" in response.context["form"].errors
    assert not Invitation.objects.exists()
