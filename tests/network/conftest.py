"""Groups of every kind with people in every relation to them, built directly in the database.

Each group has a moderator, an active member, a member removed by a moderator, a pending
applicant, an invitee and a banned person; `outsider` belongs to nothing. Each group has one
thread (by its member) with one reply (by its moderator).
"""

import pytest

from network.choices import GroupKind, MembershipRole, MembershipStatus
from network.models import Group, Membership, Reply, Thread
from portal import roles

RELATIONS = ("moderator", "member", "removed", "requested", "invited", "banned")
STATUS_OF = {
    "moderator": MembershipStatus.ACTIVE,
    "member": MembershipStatus.ACTIVE,
    "removed": MembershipStatus.REMOVED,
    "requested": MembershipStatus.REQUESTED,
    "invited": MembershipStatus.INVITED,
    "banned": MembershipStatus.BANNED,
}


def add_member(group, user, status=MembershipStatus.ACTIVE, role=MembershipRole.MEMBER):
    membership = Membership(group=group, user=user, status=status, role=role)
    if status == MembershipStatus.ACTIVE:
        membership.activate()
    membership.save()
    return membership


@pytest.fixture
def make_group(db):
    def make(kind=GroupKind.OPEN, name=None, **fields):
        name = name or f"Netværk {kind}"
        return Group.objects.create(name=name, slug=fields.pop("slug", kind), kind=kind, **fields)

    return make


@pytest.fixture
def world(make_user, make_group):
    """{kind: {"group", "thread", "reply", relation: user}} and "outsider"."""
    world = {"outsider": make_user(roles.MEMBER, first_name="Uden", last_name="Medlemskab")}
    for kind in GroupKind.values:
        group = make_group(kind, description=f"Om netværket {kind}")
        people = {"group": group}
        for relation in RELATIONS:
            user = make_user(
                roles.MEMBER,
                municipality_code=101,
                first_name=relation.capitalize(),
                last_name=kind,
                title="Tilsynskonsulent",
            )
            role = MembershipRole.MODERATOR if relation == "moderator" else MembershipRole.MEMBER
            add_member(group, user, STATUS_OF[relation], role)
            people[relation] = user
        people["thread"] = Thread.objects.create(
            group=group,
            author=people["member"],
            title=f"Hemmelig overskrift {kind}",
            body_markdown=f"Indhold i {kind}",
        )
        people["reply"] = Reply.objects.create(
            thread=people["thread"], author=people["moderator"], body_markdown=f"Svar i {kind}"
        )
        world[kind] = people
    return world


@pytest.fixture
def as_user(client):
    """A client signed in as `user` (members need no second factor)."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture(autouse=True)
def network_files_root(settings, tmp_path):
    """Shared files go to a fresh folder per test, never to the project's var/."""
    settings.NETWORK_FILES_ROOT = tmp_path / "network-files"
    return settings.NETWORK_FILES_ROOT
