"""Groups of every kind with people in every relation to them, built directly in the database.

Each group has a moderator, an active member, a member removed by a moderator, a pending
applicant, an invitee and a banned person; `outsider` belongs to nothing. Each group has one
thread (by its member) with one reply (by its moderator).
"""

import pytest
from accounts_fixtures import PASSWORD, create_user
from django.db import transaction

from network.choices import GroupKind, MembershipRole, MembershipStatus
from network.models import Group, Membership, Reply, Thread
from portal import roles
from portal.models import User

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


def create_group(kind=GroupKind.OPEN, name=None, **fields):
    name = name or f"Netværk {kind}"
    return Group.objects.create(name=name, slug=fields.pop("slug", kind), kind=kind, **fields)


@pytest.fixture
def make_group(db):
    return create_group


def build_world():
    """The world's rows; returns their primary keys, shaped as `world`."""
    world = {"outsider": create_user(roles.MEMBER, first_name="Uden", last_name="Medlemskab").pk}
    for kind in GroupKind.values:
        group = create_group(kind, description=f"Om netværket {kind}")
        people = {}
        for relation in RELATIONS:
            user = create_user(
                roles.MEMBER,
                municipality_code=101,
                first_name=relation.capitalize(),
                last_name=kind,
                title="Tilsynskonsulent",
            )
            role = MembershipRole.MODERATOR if relation == "moderator" else MembershipRole.MEMBER
            add_member(group, user, STATUS_OF[relation], role)
            people[relation] = user
        thread = Thread.objects.create(
            group=group,
            author=people["member"],
            title=f"Hemmelig overskrift {kind}",
            body_markdown=f"Indhold i {kind}",
        )
        reply = Reply.objects.create(
            thread=thread, author=people["moderator"], body_markdown=f"Svar i {kind}"
        )
        people = {relation: user.pk for relation, user in people.items()}
        world[kind] = {"group": group.pk, "thread": thread.pk, "reply": reply.pk, **people}
    return world


@pytest.fixture(scope="module")
def world_keys(django_db_setup, django_db_blocker):
    """The world, built once for the test module in a transaction rolled back after its last
    test; each test's own changes are rolled back after it, as ever."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


@pytest.fixture
def world(db, world_keys):
    """{kind: {"group", "thread", "reply", relation: user}} and "outsider", as objects fresh from
    the database for every test."""
    models = {"group": Group, "thread": Thread, "reply": Reply}
    kinds = [world_keys[kind] for kind in GroupKind.values]
    users = User.objects.in_bulk(
        [world_keys["outsider"]] + [people[relation] for people in kinds for relation in RELATIONS]
    )
    for user in users.values():
        user.raw_password = PASSWORD
    rows = {
        name: model.objects.in_bulk([people[name] for people in kinds])
        for name, model in models.items()
    }
    world = {"outsider": users[world_keys["outsider"]]}
    for kind in GroupKind.values:
        keys = world_keys[kind]
        world[kind] = {name: rows[name][keys[name]] for name in models}
        world[kind].update({relation: users[keys[relation]] for relation in RELATIONS})
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
