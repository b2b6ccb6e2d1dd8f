"""A repeated search is kept per reader scope (`SearchSource.reader_scope`), not per compiled
access filter: a reader who loses the right to read a group or an organisation gets a fresh
answer at once, and readers with different rights never share a kept answer."""

import pytest
from django.contrib.auth.models import Group as Role
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from monitoring_fixtures import make_organisation

from network import memberships, moderation
from network.choices import GroupKind, MembershipRole, MembershipStatus
from network.models import Group, Membership, Thread
from portal import roles
from portal.models import Municipality

pytestmark = pytest.mark.django_db

WORD = "Kvartsurværket"


def searched(client, query, **params):
    """(HTML, {tab: count}, whether the search index was asked) of a search."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/soeg/", {"q": query, **params})
    asked = any("indexentry" in q["sql"] for q in captured.captured_queries)
    facets = {f.key: f.count for f in response.context["answer"].facets}
    return response.content.decode(), facets, asked


def kept(client, query, **params):
    """The search asked twice: the second answer comes from what the first kept."""
    searched(client, query, **params)
    html, facets, asked = searched(client, query, **params)
    assert not asked, "a repeated search is answered from the kept answer"
    return html, facets


@pytest.fixture
def groups(make_user):
    """A reader who reads an open group (as a member) and a closed one, a moderator of both,
    and a thread on the same word in each."""
    reader, moderator = make_user(roles.MEMBER), make_user(roles.MEMBER)
    found = {}
    for kind in (GroupKind.OPEN, GroupKind.CLOSED):
        group = Group.objects.create(name=f"Gruppe {kind}", slug=f"gruppe-{kind}", kind=kind)
        for user, role in [(reader, MembershipRole.MEMBER), (moderator, MembershipRole.MODERATOR)]:
            Membership.objects.create(
                group=group, user=user, status=MembershipStatus.ACTIVE, role=role
            )
        found[kind] = Thread.objects.create(
            group=group, author=moderator, title=f"{WORD} i {kind}", body_markdown="Tekst."
        )
    return reader, moderator, found


def membership(user, kind):
    return Membership.objects.get(user=user, group__kind=kind)


def leave_closed(reader, moderator, make_user):
    memberships.leave(reader, Group.objects.get(kind=GroupKind.CLOSED))


def removed_from_closed(reader, moderator, make_user):
    moderation.remove(moderator, membership(reader, GroupKind.CLOSED))


def banned_from_open(reader, moderator, make_user):
    moderation.ban(moderator, membership(reader, GroupKind.OPEN))


def open_group_made_closed(reader, moderator, make_user):
    """The reader is no member of the open group, which an administrator then closes."""
    Membership.objects.filter(user=reader, group__kind=GroupKind.OPEN).delete()
    group = Group.objects.get(kind=GroupKind.OPEN)
    group.kind = GroupKind.CLOSED
    memberships.save_group(
        make_user(roles.ADMINISTRATOR, mfa=True), group, [moderator], GroupKind.OPEN
    )


LOSSES = {
    leave_closed: GroupKind.CLOSED,
    removed_from_closed: GroupKind.CLOSED,
    banned_from_open: GroupKind.OPEN,
    open_group_made_closed: GroupKind.OPEN,
}


@pytest.mark.parametrize("lose", LOSSES, ids=lambda lose: lose.__name__)
def test_a_reader_who_loses_a_group_gets_a_fresh_answer_without_its_threads(
    groups, make_user, login, lose
):
    reader, moderator, found = groups
    client = Client()
    login(client, reader)
    for params in [{}, {"type": "netvaerk"}]:
        html, facets = kept(client, WORD, **params)
        assert all(thread.get_absolute_url() in html for thread in found.values())
        assert facets["netvaerk"] == 2

    lose(reader, moderator, make_user)

    lost = found[LOSSES[lose]].get_absolute_url()
    for params in [{}, {"type": "netvaerk"}]:
        html, facets, _asked = searched(client, WORD, **params)
        assert lost not in html and facets["netvaerk"] == 1
        html, facets = kept(client, WORD, **params)
        assert lost not in html and facets["netvaerk"] == 1


def test_a_reader_whose_member_role_is_revoked_loses_the_network_tab(groups, login):
    reader, _moderator, found = groups
    client = Client()
    login(client, reader)
    assert "netvaerk" in kept(client, WORD)[1]

    reader.groups.remove(Role.objects.get(name=roles.MEMBER))

    html, facets, _asked = searched(client, WORD)
    assert "netvaerk" not in facets
    assert not any(thread.get_absolute_url() in html for thread in found.values())


@pytest.fixture
def organisations():
    return {
        code: make_organisation(code, name=f"Boligselskabet {name}")
        for code, name in [(101, "Kløverhusene"), (751, "Marselisgården")]
    }


def organisation_url(organisation):
    return f"/monitorering/organisation/{organisation.org_no}/"


def test_readers_of_different_municipalities_never_share_a_kept_answer(
    organisations, make_user, login
):
    """Two caseworkers of different municipalities, one of the same as the first, and an
    editor ask the same queries in turns, each after the others have kept their answers."""
    readers = {
        "kk": make_user([roles.CASEWORKER, roles.MEMBER], municipality_code=101, mfa=True),
        "kk, another": make_user([roles.CASEWORKER], municipality_code=101, mfa=True),
        "aarhus": make_user([roles.CASEWORKER, roles.MEMBER], municipality_code=751, mfa=True),
        "editor": make_user(roles.EDITOR, mfa=True),
    }
    may_see = {"kk": {101}, "kk, another": {101}, "aarhus": {751}, "editor": {101, 751}}
    clients = {name: Client() for name in readers}
    for name, client in clients.items():
        login(client, readers[name])

    for order in [list(readers), list(reversed(readers))]:
        for params in [{}, {"type": "organisation"}]:
            for name in order:
                html, facets = kept(clients[name], "Boligselskabet", **params)
                shown = {c for c, o in organisations.items() if organisation_url(o) in html}
                # No page has the word, so the organisations are shown without asking too.
                assert shown == may_see[name], name
                assert facets["organisation"] == len(may_see[name]), name


def test_a_caseworker_moved_to_another_municipality_gets_its_organisations_at_once(
    organisations, make_user, login
):
    caseworker = make_user(roles.CASEWORKER, municipality_code=101, mfa=True)
    client = Client()
    login(client, caseworker)
    html = kept(client, "Boligselskabet", type="organisation")[0]
    assert organisation_url(organisations[101]) in html

    caseworker.municipality = Municipality.objects.get(code=751)
    caseworker.save()

    html = searched(client, "Boligselskabet", type="organisation")[0]
    assert organisation_url(organisations[751]) in html
    assert organisation_url(organisations[101]) not in html
