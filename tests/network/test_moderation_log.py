"""Every moderation action is in the group's log, which only its moderators read."""

import pytest

from network import memberships
from network.models import ModerationAction, ModerationKind

pytestmark = pytest.mark.django_db


def kinds(group):
    return list(
        ModerationAction.objects.filter(group=group)
        .order_by("created", "pk")
        .values_list("kind", flat=True)
    )


def test_pinning_locking_and_choosing_a_solution_are_logged(world, as_user):
    g = world["open"]
    client = as_user(g["moderator"])
    thread_url = g["thread"].get_absolute_url()

    for action in ("pin", "lock", "unlock", "unpin"):
        client.post(f"{thread_url}moderer/", {"action": action})
    client.post(f"{thread_url}loesning/{g['reply'].pk}/")

    assert kinds(g["group"]) == [
        ModerationKind.PIN,
        ModerationKind.LOCK,
        ModerationKind.UNLOCK,
        ModerationKind.UNPIN,
        ModerationKind.SOLUTION,
    ]
    assert ModerationAction.objects.filter(thread=g["thread"]).count() == 4


def test_the_author_choosing_their_own_solution_is_not_moderation(world, as_user):
    g = world["open"]

    as_user(g["member"]).post(f"{g['thread'].get_absolute_url()}loesning/{g['reply'].pk}/")

    assert kinds(g["group"]) == []


def test_deciding_requests_and_inviting_are_logged(world):
    g = world["closed"]
    request = g["group"].memberships.get(user=g["requested"])

    memberships.decide_request(g["moderator"], request, approve=True)
    memberships.invite(g["moderator"], g["group"], world["outsider"])

    actions = ModerationAction.objects.filter(group=g["group"]).order_by("created", "pk")
    assert [(a.kind, a.member) for a in actions] == [
        (ModerationKind.APPROVE, g["requested"]),
        (ModerationKind.INVITE, world["outsider"]),
    ]


def test_the_log_page_shows_who_did_what_and_why(world, as_user):
    g = world["open"]
    client = as_user(g["moderator"])
    client.post(
        f"/netvaerk/open/svar/{g['reply'].pk}/moderer/", {"action": "hide", "reason": "Spam"}
    )
    membership = g["group"].memberships.get(user=g["member"])
    client.post(
        f"/netvaerk/open/moderering/medlemmer/{membership.pk}/",
        {"action": "ban", "reason": "Spam igen"},
    )

    page = client.get("/netvaerk/open/moderering/log/").content.decode()

    assert "Skjulte et indlæg" in page and "Udelukkede en person" in page
    assert "Spam igen" in page and "Member open" in page and "Moderator open" in page
    assert page.index("Udelukkede en person") < page.index("Skjulte et indlæg")


def test_the_log_of_another_group_is_not_found(world, as_user):
    response = as_user(world["open"]["moderator"]).get("/netvaerk/closed/moderering/log/")

    assert response.status_code == 404
