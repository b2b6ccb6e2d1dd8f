"""Every network URL as every kind of person, for every kind of group.

A person who may not read a group's content gets 404 on every URL that would show or change it,
and none of their responses contains the content; a secret group is unknown to anyone outside it
(invitees excepted), down to its name on the list of networks.
"""

import uuid

import pytest
from django.db import transaction

from network.choices import GroupKind
from network.models import Group, Thread

pytestmark = pytest.mark.django_db

RELATIONS = ["outsider", "member", "moderator", "removed", "requested", "invited", "banned"]


def reads(kind, relation):
    if kind == GroupKind.OPEN:
        return relation != "banned"
    return relation in ("member", "moderator")


def knows(kind, relation):
    if kind == GroupKind.SECRET:
        return relation in ("member", "moderator", "invited")
    return True


def expectations(world, kind, relation):
    """(method, URL, data, status, redirect prefix) for every network URL."""
    g = world[kind]
    group, thread, reply = g["group"], g["thread"], g["reply"]
    base = f"/netvaerk/{group.slug}/"
    at_thread = f"{base}traad/{thread.pk}/"
    reader, known = reads(kind, relation), knows(kind, relation)
    moderator = relation == "moderator"

    def content(ok, status=200, to=None):
        return (status, to) if ok else (404, None)

    back = (302, at_thread)
    return [
        ("get", "/netvaerk/", {}, (200, None)),
        ("get", "/netvaerk/ny/", {}, (404, None)),
        ("get", base, {}, content(known)),
        ("get", f"{base}rediger/", {}, (404, None)),
        ("post", f"{base}bliv-medlem/", {}, content(known, 302, base)),
        ("post", f"{base}forlad/", {}, content(known, 302, "/netvaerk/")),
        (
            "post",
            f"{base}inviter/",
            {"email": world["outsider"].email},
            content(moderator, 302, base),
        ),
        (
            "post",
            f"{base}anmodning/{group.memberships.get(user=g['requested']).pk}/",
            {"decision": "approve"},
            content(moderator, 302, base),
        ),
        ("get", f"{base}traad/ny/", {}, content(reader)),
        ("get", at_thread, {}, content(reader)),
        (
            "post",
            f"{at_thread}svar/",
            {"body": "Et svar", "token": str(uuid.uuid4())},
            content(reader, *back),
        ),
        (
            "get",
            f"{at_thread}rediger/",
            {},
            content(reader, *((200, None) if relation == "member" else back)),
        ),
        ("post", f"{at_thread}slet/", {}, content(reader, *back)),
        ("post", f"{at_thread}moderer/", {"action": "pin"}, content(moderator, *back)),
        ("post", f"{at_thread}loesning/{reply.pk}/", {}, content(reader, *back)),
        (
            "get",
            f"{base}svar/{reply.pk}/rediger/",
            {},
            content(reader, *((200, None) if moderator else back)),
        ),
        ("post", f"{base}svar/{reply.pk}/slet/", {}, content(reader, *back)),
    ]


def request_and_roll_back(client, method, url, data):
    """Each request sees the world as built: what a POST changes is undone before the next."""
    with transaction.atomic():
        response = getattr(client, method)(url, data)
        transaction.set_rollback(True)
    return response


@pytest.mark.parametrize("relation", RELATIONS)
@pytest.mark.parametrize("kind", GroupKind.values)
def test_every_network_url(world, as_user, kind, relation):
    user = world["outsider"] if relation == "outsider" else world[kind][relation]
    client = as_user(user)
    secrets = [world[kind]["thread"].title, world[kind]["thread"].body_markdown]
    secrets.append(world[kind]["reply"].body_markdown)
    if not knows(kind, relation):
        secrets.append(world[kind]["group"].name)

    failures = []
    for method, url, data, (status, location) in expectations(world, kind, relation):
        response = request_and_roll_back(client, method, url, data)
        if response.status_code != status or (
            location and not response["Location"].startswith(location)
        ):
            failures.append((method, url, response.status_code, response.get("Location")))
        if not reads(kind, relation):
            body = response.content.decode()
            leaked = [secret for secret in secrets if secret in body]
            if leaked:
                failures.append((method, url, "leaks", leaked))

    assert failures == []


@pytest.mark.parametrize("kind", GroupKind.values)
def test_anonymous_visitors_are_sent_to_log_in(world, client, kind):
    thread = world[kind]["thread"]
    for url in ("/netvaerk/", f"/netvaerk/{kind}/", f"/netvaerk/{kind}/traad/{thread.pk}/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/login/")


def test_styrelse_lists_every_group_but_reads_only_open_ones(world, editor):
    assert set(Group.objects.listed_for(editor)) == {world[k]["group"] for k in GroupKind.values}
    assert list(Group.objects.readable_by(editor)) == [world["open"]["group"]]
    assert list(Thread.objects.readable_by(editor)) == [world["open"]["thread"]]


def test_querysets_do_not_repeat_a_group_for_each_member(world, make_user):
    from tests.network.conftest import add_member

    group = world["open"]["group"]
    for _ in range(5):
        add_member(group, make_user())
    member = world["closed"]["member"]

    listed = list(Group.objects.listed_for(member))
    readable = list(Group.objects.readable_by(member))

    assert sorted(g.slug for g in listed) == ["closed", "open"]
    assert sorted(g.slug for g in readable) == ["closed", "open"]


def test_a_thread_guessed_under_another_groups_address_is_not_found(world, as_user):
    client = as_user(world["open"]["member"])
    closed_thread = world["closed"]["thread"]

    response = client.get(f"/netvaerk/open/traad/{closed_thread.pk}/")

    assert response.status_code == 404
    assert closed_thread.title not in response.content.decode()
