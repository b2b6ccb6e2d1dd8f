"""Moderators remove and ban people, and lift bans; what each leaves the person able to do.

Removing ends a membership (the person may ask to come back); banning also shuts them out of an
open group's reading, joining and invitations. Only styrelse may remove or ban a fellow moderator.
"""

import uuid

import pytest

from network import memberships, moderation
from network.choices import MembershipRole, MembershipStatus
from network.models import ModerationAction, ModerationKind, Reply
from portal import roles
from tests.network.conftest import add_member

pytestmark = pytest.mark.django_db


def act(client, group, membership, action, reason=""):
    return client.post(
        f"/netvaerk/{group.slug}/moderering/medlemmer/{membership.pk}/",
        {"action": action, "reason": reason},
    )


def membership_of(world, kind, relation):
    return world[kind]["group"].memberships.get(user=world[kind][relation])


def test_a_removed_member_of_a_closed_group_can_no_longer_read_it(world, as_user):
    g = world["closed"]
    membership = membership_of(world, "closed", "member")

    act(as_user(g["moderator"]), g["group"], membership, "remove", "Gentagne personangreb")

    membership.refresh_from_db()
    assert membership.status == MembershipStatus.REMOVED
    assert as_user(g["member"]).get(g["thread"].get_absolute_url()).status_code == 404
    action = ModerationAction.objects.get(kind=ModerationKind.REMOVE)
    assert (action.member, action.reason) == (g["member"], "Gentagne personangreb")


def test_a_banned_person_neither_reads_posts_nor_joins_an_open_group(world, as_user):
    g = world["open"]
    act(as_user(g["moderator"]), g["group"], membership_of(world, "open", "member"), "ban")
    client = as_user(g["member"])

    assert client.get(g["thread"].get_absolute_url()).status_code == 404
    assert (
        client.post(
            f"{g['thread'].get_absolute_url()}svar/", {"body": "Hej", "token": str(uuid.uuid4())}
        ).status_code
        == 404
    )
    client.post("/netvaerk/open/bliv-medlem/")
    assert membership_of(world, "open", "member").status == MembershipStatus.BANNED
    assert "Du er udelukket fra netværket." in client.get("/netvaerk/open/").content.decode()
    assert not Reply.objects.filter(body_markdown="Hej").exists()


def test_a_removed_person_in_an_open_group_reads_but_does_not_post(world, as_user):
    g = world["open"]
    act(as_user(g["moderator"]), g["group"], membership_of(world, "open", "member"), "remove")
    client = as_user(g["member"])

    assert client.get(g["thread"].get_absolute_url()).status_code == 200
    client.post(
        f"{g['thread'].get_absolute_url()}svar/", {"body": "Hej", "token": str(uuid.uuid4())}
    )
    assert not Reply.objects.filter(body_markdown="Hej").exists()


def test_lifting_a_ban_lets_the_person_back_to_reading_and_joining(world, as_user):
    g = world["open"]
    membership = membership_of(world, "open", "banned")

    act(as_user(g["moderator"]), g["group"], membership, "lift_ban")

    membership.refresh_from_db()
    assert membership.status == MembershipStatus.REMOVED
    client = as_user(g["banned"])
    assert client.get(g["thread"].get_absolute_url()).status_code == 200
    client.post("/netvaerk/open/bliv-medlem/")
    membership.refresh_from_db()
    assert membership.status == MembershipStatus.ACTIVE
    assert ModerationAction.objects.filter(kind=ModerationKind.LIFT_BAN).exists()


def test_a_banned_person_cannot_be_invited(world):
    g = world["secret"]
    moderation.ban(g["moderator"], membership_of(world, "secret", "removed"))

    with pytest.raises(memberships.Refused):
        memberships.invite(g["moderator"], g["group"], g["removed"])


def test_a_moderator_cannot_remove_another_moderator_but_styrelse_can(
    world, make_user, as_user, client, login
):
    g = world["open"]
    fellow = make_user(roles.MEMBER)
    fellow_membership = add_member(g["group"], fellow, role=MembershipRole.MODERATOR)

    response = act(as_user(g["moderator"]), g["group"], fellow_membership, "ban")
    fellow_membership.refresh_from_db()
    assert response.status_code == 302
    assert fellow_membership.status == MembershipStatus.ACTIVE
    members_page = as_user(g["moderator"]).get("/netvaerk/open/moderering/medlemmer/")
    assert f"/moderering/medlemmer/{fellow_membership.pk}/" not in members_page.content.decode()

    styrelse = make_user(roles.EDITOR, mfa=True)
    add_member(g["group"], styrelse, role=MembershipRole.MODERATOR)
    client.logout()
    login(client, styrelse)
    act(client, g["group"], fellow_membership, "remove", "Fratrådt")
    fellow_membership.refresh_from_db()
    assert (fellow_membership.status, fellow_membership.role) == (
        MembershipStatus.REMOVED,
        MembershipRole.MEMBER,
    )


def test_a_moderator_cannot_remove_themselves(world):
    g = world["open"]

    with pytest.raises(moderation.Refused):
        moderation.remove(g["moderator"], membership_of(world, "open", "moderator"))


def test_a_membership_of_another_group_is_not_found(world, as_user):
    response = act(
        as_user(world["open"]["moderator"]),
        world["open"]["group"],
        membership_of(world, "closed", "member"),
        "remove",
    )

    assert response.status_code == 404
    assert membership_of(world, "closed", "member").status == MembershipStatus.ACTIVE


def test_the_members_page_lists_active_removed_and_banned(world, as_user):
    page = as_user(world["open"]["moderator"]).get("/netvaerk/open/moderering/medlemmer/")

    body = page.content.decode()
    for relation in ("member", "removed", "banned"):
        assert f"{relation.capitalize()} open" in body
    assert "Requested open" not in body
    assert "Ophæv udelukkelsen" in body
