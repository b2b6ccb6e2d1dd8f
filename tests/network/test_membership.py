"""Joining, requests, invitations, leaving and bans, through the pages a person uses."""

import pytest

from network.choices import GroupKind, MembershipRole, MembershipStatus
from network.models import Group, Membership

pytestmark = pytest.mark.django_db


def status_of(group, user):
    membership = Membership.objects.filter(group=group, user=user).first()
    return membership and membership.status


def test_an_open_group_takes_a_new_member_at_once_and_lets_them_leave(world, as_user):
    outsider, group = world["outsider"], world["open"]["group"]
    client = as_user(outsider)

    response = client.post("/netvaerk/open/bliv-medlem/", follow=True)

    assert status_of(group, outsider) == MembershipStatus.ACTIVE
    assert "Du er nu medlem af netværket." in response.content.decode()
    assert "Start en ny tråd" in response.content.decode()

    response = client.post("/netvaerk/open/forlad/", follow=True)

    assert status_of(group, outsider) is None
    assert "Du er ikke længere med i netværket." in response.content.decode()


def test_a_closed_group_takes_requests_that_a_moderator_approves(world, as_user, client):
    outsider, group = world["outsider"], world["closed"]["group"]
    thread = world["closed"]["thread"]
    as_user(outsider).post("/netvaerk/closed/bliv-medlem/")

    assert status_of(group, outsider) == MembershipStatus.REQUESTED
    assert client.get(f"/netvaerk/closed/traad/{thread.pk}/").status_code == 404

    request = group.memberships.get(user=outsider)
    as_user(world["closed"]["moderator"])
    page = client.get("/netvaerk/closed/").content.decode()
    assert str(outsider) in page and "Anmodninger om medlemskab" in page

    client.post(f"/netvaerk/closed/anmodning/{request.pk}/", {"decision": "approve"})

    assert status_of(group, outsider) == MembershipStatus.ACTIVE
    assert as_user(outsider).get(f"/netvaerk/closed/traad/{thread.pk}/").status_code == 200


def test_a_moderator_rejects_a_request_and_the_person_may_ask_again(world, as_user):
    requested, group = world["closed"]["requested"], world["closed"]["group"]
    request = group.memberships.get(user=requested)

    as_user(world["closed"]["moderator"]).post(
        f"/netvaerk/closed/anmodning/{request.pk}/", {"decision": "reject"}
    )

    assert status_of(group, requested) is None
    as_user(requested).post("/netvaerk/closed/bliv-medlem/")
    assert status_of(group, requested) == MembershipStatus.REQUESTED


def test_a_plain_member_cannot_decide_requests(world, as_user):
    group = world["closed"]["group"]
    request = group.memberships.get(user=world["closed"]["requested"])

    response = as_user(world["closed"]["member"]).post(
        f"/netvaerk/closed/anmodning/{request.pk}/", {"decision": "approve"}
    )

    assert response.status_code == 404
    assert status_of(group, world["closed"]["requested"]) == MembershipStatus.REQUESTED


def test_a_secret_group_is_joined_by_invitation_only(world, as_user, client):
    outsider, group = world["outsider"], world["secret"]["group"]
    as_user(outsider)
    assert client.post("/netvaerk/secret/bliv-medlem/").status_code == 404
    assert group.name not in client.get("/netvaerk/").content.decode()

    as_user(world["secret"]["moderator"]).post(
        "/netvaerk/secret/inviter/", {"email": outsider.email.upper()}
    )
    assert status_of(group, outsider) == MembershipStatus.INVITED

    as_user(outsider)
    assert group.name in client.get("/netvaerk/").content.decode()
    assert "Tag imod invitationen" in client.get("/netvaerk/secret/").content.decode()
    client.post("/netvaerk/secret/bliv-medlem/")

    assert status_of(group, outsider) == MembershipStatus.ACTIVE
    thread = world["secret"]["thread"]
    assert client.get(f"/netvaerk/secret/traad/{thread.pk}/").status_code == 200


def test_declining_an_invitation_forgets_the_group(world, as_user):
    invited, group = world["secret"]["invited"], world["secret"]["group"]
    client = as_user(invited)

    client.post("/netvaerk/secret/forlad/")

    assert status_of(group, invited) is None
    assert client.get("/netvaerk/secret/").status_code == 404


def test_inviting_an_unknown_address_is_refused(world, as_user):
    response = as_user(world["secret"]["moderator"]).post(
        "/netvaerk/secret/inviter/", {"email": "ukendt@example.org"}, follow=True
    )

    assert "Ingen bruger har den e-mailadresse." in response.content.decode()
    assert world["secret"]["group"].memberships.count() == 6


@pytest.mark.parametrize("kind", [GroupKind.OPEN, GroupKind.CLOSED])
def test_a_banned_person_can_neither_join_nor_read(world, as_user, kind):
    banned, group = world[kind]["banned"], world[kind]["group"]
    client = as_user(banned)

    response = client.post(f"/netvaerk/{kind}/bliv-medlem/", follow=True)

    assert "Du er udelukket fra netværket." in response.content.decode()
    assert status_of(group, banned) == MembershipStatus.BANNED
    client.post(f"/netvaerk/{kind}/forlad/")
    assert status_of(group, banned) == MembershipStatus.BANNED
    thread = world[kind]["thread"]
    assert client.get(f"/netvaerk/{kind}/traad/{thread.pk}/").status_code == 404


def test_a_removed_member_of_a_closed_group_may_ask_again(world, as_user):
    removed, group = world["closed"]["removed"], world["closed"]["group"]

    as_user(removed).post("/netvaerk/closed/bliv-medlem/")

    assert status_of(group, removed) == MembershipStatus.REQUESTED


def test_my_networks_lists_my_groups_apart_from_the_others(world, as_user):
    page = as_user(world["closed"]["member"]).get("/netvaerk/").content.decode()

    mine, others = page.split("Andre netværk")
    assert "Netværk closed" in mine and "Netværk open" not in mine
    assert "Netværk open" in others
    assert "Netværk secret" not in page


def test_the_group_page_shows_members_with_title_and_municipality(world, as_user):
    page = as_user(world["closed"]["member"]).get("/netvaerk/closed/").content.decode()

    assert "Moderator closed (moderator)" in page
    assert "Tilsynskonsulent, København" in page
    assert "Removed closed" not in page and "Requested closed" not in page


def test_the_group_page_names_its_moderators_to_readers_and_outsiders_alike(world, as_user):
    """Readers get the moderators from the member list; outsiders, who see no members, still
    see who moderates the group."""
    reader = as_user(world["closed"]["member"]).get("/netvaerk/closed/").content.decode()
    outsider = as_user(world["outsider"]).get("/netvaerk/closed/").content.decode()

    moderators = '<h2 class="h3">Moderatorer</h2>'
    for page in (reader, outsider):
        listed = page.split(moderators)[1].split("</ul>")[0]
        assert "Moderator closed" in listed and "Member closed" not in listed
    assert "Member closed" in reader and "Member closed" not in outsider


def test_styrelse_creates_a_group_and_names_its_moderators(world, editor, client, login):
    login(client, editor)
    moderator = world["outsider"]

    response = client.post(
        "/netvaerk/ny/",
        {
            "name": "Økonomi og regnskab",
            "description": "Regnskaber og budgetter",
            "kind": GroupKind.SECRET,
            "moderators": f"{moderator.email}\n",
        },
    )

    group = Group.objects.get(name="Økonomi og regnskab")
    assert response["Location"] == "/netvaerk/oekonomi-og-regnskab/"
    assert group.created_by == editor
    membership = group.memberships.get()
    assert (membership.user, membership.role, membership.status) == (
        moderator,
        MembershipRole.MODERATOR,
        MembershipStatus.ACTIVE,
    )
    assert client.get("/netvaerk/oekonomi-og-regnskab/").status_code == 200


def test_styrelse_replaces_moderators_and_the_former_stay_members(world, editor, client, login):
    login(client, editor)
    group = world["closed"]["group"]
    new_moderator = world["closed"]["member"]

    client.post(
        "/netvaerk/closed/rediger/",
        {"name": group.name, "description": "", "kind": GroupKind.CLOSED,
         "moderators": new_moderator.email},
    )  # fmt: skip

    roles = dict(group.memberships.filter(status="active").values_list("user", "role"))
    assert roles == {
        new_moderator.pk: MembershipRole.MODERATOR,
        world["closed"]["moderator"].pk: MembershipRole.MEMBER,
    }


def test_naming_an_unknown_moderator_saves_nothing(editor, client, login):
    login(client, editor)

    response = client.post(
        "/netvaerk/ny/",
        {"name": "Byggesager", "kind": GroupKind.OPEN, "moderators": "ingen@example.org"},
    )

    assert response.status_code == 200
    assert "Ingen bruger har e-mailadressen ingen@example.org." in response.content.decode()
    assert not Group.objects.filter(name="Byggesager").exists()
