"""Every reporting and moderation URL as every kind of person, for every kind of group.

Reading a group lets one report its posts (not one's own); everything else is for the group's
own moderators, and to anyone else it does not exist (404), readers of the group included.
"""

import pytest
from django.db import transaction

from network.choices import GroupKind

pytestmark = pytest.mark.django_db

RELATIONS = ["outsider", "member", "moderator", "removed", "requested", "invited", "banned"]


def reads(kind, relation):
    if kind == GroupKind.OPEN:
        return relation != "banned"
    return relation in ("member", "moderator")


def expectations(world, kind, relation):
    """(method, URL, data, status, redirect prefix) for every URL this feature adds."""
    g = world[kind]
    group, thread, reply = g["group"], g["thread"], g["reply"]
    base = f"/netvaerk/{group.slug}/"
    at_thread = f"{base}traad/{thread.pk}/"
    reader, moderator = reads(kind, relation), relation == "moderator"
    member_pk = group.memberships.get(user=g["member"]).pk

    def when(ok, status=200, to=None):
        return (status, to) if ok else (404, None)

    own_thread = (
        relation == "member"
    )  # the world's thread is the member's, its reply the moderator's
    report = {"reason": "spam", "details": "Reklame"}
    return [
        (
            "get",
            f"{at_thread}anmeld/",
            {},
            when(reader, *(302, at_thread) if own_thread else (200,)),
        ),
        ("post", f"{at_thread}anmeld/", report, when(reader, 302, at_thread)),
        (
            "get",
            f"{base}svar/{reply.pk}/anmeld/",
            {},
            when(reader, *(302, at_thread) if moderator else (200,)),
        ),
        ("post", f"{base}svar/{reply.pk}/anmeld/", report, when(reader, 302, at_thread)),
        (
            "post",
            f"{at_thread}moderer/indlaeg/",
            {"action": "hide"},
            when(moderator, 302, at_thread),
        ),
        (
            "post",
            f"{base}svar/{reply.pk}/moderer/",
            {"action": "hide"},
            when(moderator, 302, at_thread),
        ),
        ("get", f"{base}moderering/", {}, when(moderator)),
        ("get", f"{base}moderering/log/", {}, when(moderator)),
        ("get", f"{base}moderering/medlemmer/", {}, when(moderator)),
        (
            "post",
            f"{base}moderering/medlemmer/{member_pk}/",
            {"action": "remove"},
            when(moderator, 302, f"{base}moderering/medlemmer/"),
        ),
        ("get", "/netvaerk/moderering/", {}, when(moderator)),
    ]


def request_and_roll_back(client, method, url, data):
    with transaction.atomic():
        response = getattr(client, method)(url, data)
        transaction.set_rollback(True)
    return response


@pytest.mark.parametrize("relation", RELATIONS)
@pytest.mark.parametrize("kind", GroupKind.values)
def test_every_moderation_url(world, as_user, kind, relation):
    user = world["outsider"] if relation == "outsider" else world[kind][relation]
    client = as_user(user)
    secrets = [world[kind]["thread"].title, world[kind]["thread"].body_markdown]

    failures = []
    for method, url, data, (status, location) in expectations(world, kind, relation):
        response = request_and_roll_back(client, method, url, data)
        if response.status_code != status or (
            location and not response["Location"].startswith(location)
        ):
            failures.append((method, url, response.status_code, response.get("Location")))
        if not reads(kind, relation):
            body = response.content.decode()
            assert not [secret for secret in secrets if secret in body], url

    assert failures == []
