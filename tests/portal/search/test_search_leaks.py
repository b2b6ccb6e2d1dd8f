"""The search page shows each reader what they may read and nothing else: for every role and
anonymous, the titles of closed and secret threads, hidden and deleted posts, and other
municipalities' organisations are absent from results, tab counts, suggestions and "Mente du"."""

import functools

import pytest
from accounts_fixtures import as_role_with, create_user, signed_in_cookies
from django.test import Client
from django.utils import timezone
from monitoring_fixtures import make_organisation

from monitoring.models import Organisation
from network.choices import GroupKind, MembershipRole, MembershipStatus
from network.models import Group, Membership, Reply, Thread
from portal import roles

pytestmark = pytest.mark.django_db

ROLES = {
    "anonymous": None,
    "member": lambda make: make(roles.MEMBER),
    "caseworker_kk": lambda make: make(
        [roles.CASEWORKER, roles.MEMBER], municipality_code=101, mfa=True
    ),
    "lead_caseworker_kk": lambda make: make(
        [roles.CASEWORKER, roles.MEMBER], municipality_code=101, mfa=True, lead=True
    ),
    "caseworker_aarhus": lambda make: make(
        [roles.CASEWORKER, roles.MEMBER], municipality_code=751, mfa=True
    ),
    "editor": lambda make: make(roles.EDITOR, mfa=True),
    "approver": lambda make: make(roles.APPROVER, mfa=True),
    "administrator": lambda make: make(roles.ADMINISTRATOR, mfa=True),
}
SIGNED_IN = set(ROLES) - {"anonymous"}
STYRELSE = {"editor", "approver", "administrator"}
# What each role may find, written out rather than asked of the access modules. None of the
# roles belongs to a group: open threads are for everyone signed in, closed and secret ones for
# no one here (styrelse reads no group it is not a member of).
MAY_FIND = {
    "Solsikkemarken": SIGNED_IN,
    "Kvartsurværket": set(),
    "Pelikanreden": set(),
    "Nordlysbuen": set(),
    "Havørnereden": set(),
    "Kløverhusene": {"caseworker_kk", "lead_caseworker_kk", *STYRELSE},
    "Marselisgården": {"caseworker_aarhus", *STYRELSE},
}


@pytest.fixture(scope="module")
def module_secrets(module_transaction):
    """The groups, threads, replies and organisations, built once for the module; their author."""
    author = create_user(roles.MEMBER)
    for kind, title in [
        (GroupKind.OPEN, "Solsikkemarken"),
        (GroupKind.CLOSED, "Kvartsurværket"),
        (GroupKind.SECRET, "Pelikanreden"),
    ]:
        group = Group.objects.create(name=f"Gruppe {kind}", slug=f"gruppe-{kind}", kind=kind)
        Membership.objects.create(
            group=group, user=author, status=MembershipStatus.ACTIVE, role=MembershipRole.MEMBER
        )
        Thread.objects.create(group=group, author=author, title=title, body_markdown="Tekst.")
    open_group = Group.objects.get(kind=GroupKind.OPEN)
    now = timezone.now()
    Thread.objects.create(
        group=open_group, author=author, title="Nordlysbuen", body_markdown="Tekst.", hidden_at=now
    )
    Thread.objects.create(
        group=open_group,
        author=author,
        title="Havørnereden",
        body_markdown="Tekst.",
        deleted_at=now,
    )
    Reply.objects.create(
        thread=Thread.objects.get(title="Solsikkemarken"),
        author=author,
        body_markdown="Skjult svar om pindsvinefamilien.",
        hidden_at=timezone.now(),
    )
    make_organisation(101, name="Boligselskabet Kløverhusene")
    make_organisation(751, name="Boligselskabet Marselisgården")
    return author


@pytest.fixture
def secrets(module_secrets, db):
    """The module's secrets; their author, fetched anew, who logs in with the same password."""
    author = type(module_secrets).objects.get(pk=module_secrets.pk)
    author.raw_password = module_secrets.raw_password
    return author


@pytest.fixture(scope="module")
def role_cookies(module_transaction):
    """Each role signed in once for the module; a test's changes to a session are rolled back
    with the test."""
    users = {role: functools.partial(make, create_user) for role, make in ROLES.items() if make}
    return signed_in_cookies(users)


@pytest.fixture
def as_role(client, role_cookies):
    """`as_role(role)`: the test's client with a copy of the role's cookies."""
    return as_role_with(client, role_cookies)


def everything_shown(client, query):
    """(HTML of every tab, titles of every tab's results, the sum of the tab counts, the
    suggestions' labels and "Mente du") for the query."""
    first = client.get("/soeg/", {"q": query})
    answer = first.context["answer"]
    tabs = [client.get("/soeg/", {"q": query, "type": f.key}) for f in answer.facets]
    html = "\n".join(r.content.decode() for r in [first, *tabs])
    titles = [hit.title for r in tabs for hit in r.context["results_page"]]
    labels = [s["label"] for s in client.get("/soeg/forslag/", {"q": query}).json()["suggestions"]]
    count = sum(f.count for f in answer.facets)
    return html, titles, count, labels, answer.outcome.suggestion


def urls_of(title):
    """Where a thread or organisation of that title would be linked from."""
    threads = [t.get_absolute_url() for t in Thread.objects.filter(title=title)]
    organisations = Organisation.objects.filter(name__endswith=title)
    return threads + [f"/monitorering/organisation/{o.org_no}/" for o in organisations]


@pytest.mark.parametrize("role", sorted(ROLES))
def test_a_reader_finds_only_what_they_may_read(secrets, as_role, role):
    client = as_role(role)

    for title, readers in MAY_FIND.items():
        html, titles, count, labels, suggestion = everything_shown(client, title)
        found = any(title in t for t in titles)
        if role in readers:
            assert found and count >= 1 and any(title in label for label in labels), title
            assert all(url in html for url in urls_of(title)), title
        else:
            assert not found, (role, title)
            assert not any(url in html for url in urls_of(title)), (role, title)
            assert count == 0, (role, title)
            assert not any(title in label for label in labels), (role, title)
            assert suggestion is None, (role, title)


@pytest.mark.parametrize("role", sorted(ROLES))
def test_mente_du_never_offers_a_word_the_reader_may_not_read(secrets, as_role, role):
    client = as_role(role)

    for title, readers in MAY_FIND.items():
        response = client.get("/soeg/", {"q": title.lower()[:-1] + "x"})
        suggestion = response.context["answer"].outcome.suggestion or ""
        if role in readers:
            assert suggestion == title.lower(), (role, title)
        else:
            assert suggestion == "", (role, title, suggestion)


def test_hidden_replies_are_not_searched(secrets, as_role):
    client = as_role("member")

    _html, titles, count, _labels, _suggestion = everything_shown(client, "pindsvinefamilien")

    assert count == 0
    assert titles == []


def test_a_member_of_a_closed_group_finds_its_threads(secrets, as_role, client, login):
    login(client, secrets)

    for title in ["Solsikkemarken", "Kvartsurværket", "Pelikanreden"]:  # a member of each
        assert everything_shown(client, title)[1] == [title]
    for title in ["Nordlysbuen", "Havørnereden"]:
        assert everything_shown(client, title)[1] == []


def test_readers_in_different_groups_never_share_a_cached_answer(secrets, make_user, login):
    """The closed group's member and a member outside it ask the same queries in turns, each
    after the other has filled the results, count and hit caches."""
    insider, outsider = Client(), Client()
    login(insider, secrets)
    login(outsider, make_user(roles.MEMBER))

    for query in ["Kvartsurværket", "Pelikanreden"]:
        assert everything_shown(insider, query)[1:3] == ([query], 1)
        assert everything_shown(outsider, query)[1:4] == ([], 0, [])
    for query in ["Kvartsurværket", "Pelikanreden"]:  # now the other way round, still cached
        assert everything_shown(outsider, query)[1:4] == ([], 0, [])
        assert everything_shown(insider, query)[1:3] == ([query], 1)
