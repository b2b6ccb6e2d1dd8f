"""Reading the networks takes the Netværksmedlem role: at once for a verified address of a
municipality's or styrelse's domain, otherwise by approval; a ban outlives the account."""

import re

import pytest
from django.test import Client

from network.choices import MembershipStatus
from network.models import BannedAddress, MembershipRequest
from portal import access as portal_access
from portal import roles
from portal.models import User

pytestmark = pytest.mark.django_db

PASSWORD = "Korrekt-hest-batteri-42"


def sign_up_and_confirm(email, mailoutbox):
    """A new person signs up and opens the confirmation link; returns their signed-in client."""
    client = Client()
    client.post("/konto/signup/", {"email": email, "password1": PASSWORD, "password2": PASSWORD})
    confirmation = [m for m in mailoutbox if email.lower() in m.to][-1]
    client.post(re.search(r"https?://[^/\s]+(/\S+)", confirmation.body).group(1))
    client.post("/konto/login/", {"login": email, "password": PASSWORD})
    return client, User.objects.get(email__iexact=email)


@pytest.mark.parametrize("email", ["ny.kollega@kk.dk", "medarbejder@bpst.dk"])
def test_municipal_and_styrelse_addresses_are_members_at_once(world, mailoutbox, email):
    client, user = sign_up_and_confirm(email, mailoutbox)

    assert portal_access.has_role(user, roles.MEMBER)
    assert client.get(world["open"]["thread"].get_absolute_url()).status_code == 200
    assert not MembershipRequest.objects.filter(user=user).exists()


def test_other_addresses_read_nothing_until_approved(world, mailoutbox):
    client, user = sign_up_and_confirm("nogen@example.org", mailoutbox)

    assert not portal_access.has_role(user, roles.MEMBER)
    assert MembershipRequest.objects.get(user=user).status == MembershipRequest.Status.PENDING
    assert client.get("/netvaerk/open/").status_code == 404
    assert client.get(world["open"]["thread"].get_absolute_url()).status_code == 404
    assert client.post("/netvaerk/open/bliv-medlem/").status_code == 404
    index = client.get("/netvaerk/").content.decode()
    assert "venter på, at en administrator eller en moderator godkender den" in index
    assert "Netværk open" not in index


def test_an_unconfirmed_address_gets_nothing(world, client):
    client.post(
        "/konto/signup/",
        {"email": "ubekraeftet@kk.dk", "password1": PASSWORD, "password2": PASSWORD},
    )

    user = User.objects.get(email="ubekraeftet@kk.dk")
    assert not portal_access.has_role(user, roles.MEMBER)


def test_a_group_moderator_approves_on_the_review_page(world, mailoutbox, as_user):
    applicant_client, applicant = sign_up_and_confirm("nogen@example.org", mailoutbox)
    request = MembershipRequest.objects.get(user=applicant)
    reviewer = as_user(world["closed"]["moderator"])

    page = reviewer.get("/netvaerk/adgang/").content.decode()
    response = reviewer.post(f"/netvaerk/adgang/{request.pk}/", {"decision": "approve"})

    assert "nogen@example.org" in page and "Anmodninger om netværksadgang" in page
    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.status, request.decided_by) == (
        MembershipRequest.Status.APPROVED,
        world["closed"]["moderator"],
    )
    assert portal_access.has_role(applicant, roles.MEMBER)
    assert applicant_client.get(world["open"]["thread"].get_absolute_url()).status_code == 200


def test_an_administrator_rejects(world, mailoutbox, administrator, client, login):
    _applicant_client, applicant = sign_up_and_confirm("nogen@example.org", mailoutbox)
    request = MembershipRequest.objects.get(user=applicant)
    login(client, administrator)

    client.post(f"/netvaerk/adgang/{request.pk}/", {"decision": "reject"})

    request.refresh_from_db()
    assert request.status == MembershipRequest.Status.REJECTED
    assert not portal_access.has_role(applicant, roles.MEMBER)


def test_members_who_moderate_nothing_do_not_review(world, mailoutbox, as_user):
    _applicant_client, applicant = sign_up_and_confirm("nogen@example.org", mailoutbox)
    request = MembershipRequest.objects.get(user=applicant)
    member = as_user(world["open"]["member"])

    assert member.get("/netvaerk/adgang/").status_code == 404
    assert (
        member.post(f"/netvaerk/adgang/{request.pk}/", {"decision": "approve"}).status_code == 404
    )
    assert not portal_access.has_role(applicant, roles.MEMBER)


def test_a_ban_comes_back_when_the_address_signs_up_again(world, mailoutbox, make_user, as_user):
    g = world["open"]
    banned = make_user(roles.MEMBER, email="bortvist@kk.dk")
    membership = g["group"].memberships.create(user=banned, status=MembershipStatus.ACTIVE)
    moderator = as_user(g["moderator"])
    moderator.post(
        f"/netvaerk/open/moderering/medlemmer/{membership.pk}/",
        {"action": "ban", "reason": "Chikane"},
    )
    banned_client = Client()
    banned_client.force_login(banned)
    banned_client.post("/konto/profil/slet/", {"password": banned.raw_password})
    assert BannedAddress.objects.filter(group=g["group"]).count() == 1

    client, again = sign_up_and_confirm("Bortvist+igen@kk.dk", mailoutbox)

    assert again.pk != banned.pk
    assert g["group"].memberships.get(user=again).status == MembershipStatus.BANNED
    assert client.get(g["thread"].get_absolute_url()).status_code == 404
    members_page = moderator.get("/netvaerk/open/moderering/medlemmer/").content.decode()
    assert "bortvist+igen@kk.dk" in members_page.lower() or str(again) in members_page


def test_lifting_the_ban_forgets_the_address(world, as_user):
    g = world["open"]
    membership = g["group"].memberships.get(user=g["member"])
    moderator = as_user(g["moderator"])
    url = f"/netvaerk/open/moderering/medlemmer/{membership.pk}/"
    moderator.post(url, {"action": "ban", "reason": "Spam"})
    assert BannedAddress.objects.filter(group=g["group"]).exists()

    moderator.post(url, {"action": "lift_ban", "reason": "Fortrudt"})

    assert not BannedAddress.objects.filter(group=g["group"]).exists()
