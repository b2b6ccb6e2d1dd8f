"""The list of networks ("Mine netværk" and the others) costs the same number of queries however
many members, applicants and invitees the groups gather, and whatever the reader's own relation
to each group is."""

import pytest
from test_network_query_counts import queries_for, warm

from network.choices import GroupKind, MembershipStatus
from network.models import Group
from portal import roles
from tests.network.conftest import add_member

pytestmark = pytest.mark.django_db

OTHERS_STATUSES = [
    MembershipStatus.ACTIVE,
    MembershipStatus.REQUESTED,
    MembershipStatus.INVITED,
    MembershipStatus.REMOVED,
    MembershipStatus.BANNED,
]


def test_the_list_of_networks_costs_the_same_as_memberships_grow(world, make_user, as_user):
    reader = world["outsider"]
    client = as_user(reader)
    warm(client, "/netvaerk/")
    before, _response = queries_for(client, "/netvaerk/")

    newcomers = [make_user(roles.MEMBER, municipality_code=751) for _ in range(10)]
    for kind in GroupKind.values:
        for number, person in enumerate(newcomers):
            add_member(world[kind]["group"], person, OTHERS_STATUSES[number % 5])
    for number, status in enumerate([MembershipStatus.ACTIVE, *OTHERS_STATUSES[1:3]] * 3):
        group = Group.objects.create(
            name=f"Faggruppe {number}", slug=f"faggruppe-{number}", kind=GroupKind.CLOSED
        )
        add_member(group, reader, status)
        for person in newcomers[:4]:
            add_member(group, person)
    # The header's unread count, forgotten as the reader's memberships changed, is taken again.
    client.get("/netvaerk/")

    after, response = queries_for(client, "/netvaerk/")
    page = response.content.decode()
    assert after == before, (before, after)
    assert page.count("Du er inviteret") == 3
    assert page.count("Du har anmodet om medlemskab") == 3
    # The open group had its moderator and member; now also 2 of every 5 newcomers are active.
    assert "4 medlemmer" in page
