"""Styrelse names a group's moderators, but enters no closed or secret group on its own
authority; every change by someone outside the group is in its moderation log and the security
log, and its moderators see it."""

import pytest

from network.choices import GroupKind, MembershipRole, MembershipStatus
from network.models import ModerationAction, ModerationKind
from portal import roles
from portal.models import AuditEvent

pytestmark = pytest.mark.django_db

REFUSED_SELF = "Du kan ikke gøre dig selv til moderator"


def edit(client, group, moderators, kind=None):
    return client.post(
        f"/netvaerk/{group.slug}/rediger/",
        {
            "name": group.name,
            "description": group.description,
            "kind": kind or group.kind,
            "moderators": "\n".join(user.email for user in moderators),
        },
        follow=True,
    )


def moderators_of(group):
    return set(
        group.memberships.filter(
            role=MembershipRole.MODERATOR, status=MembershipStatus.ACTIVE
        ).values_list("user", flat=True)
    )


@pytest.mark.parametrize("kind", [GroupKind.CLOSED, GroupKind.SECRET])
def test_editor_cannot_make_themselves_moderator_of_a_closed_or_secret_group(
    world, editor, client, login, kind
):
    g = world[kind]
    login(client, editor)

    response = edit(client, g["group"], [g["moderator"], editor])

    assert REFUSED_SELF in response.content.decode()
    assert moderators_of(g["group"]) == {g["moderator"].pk}
    assert not g["group"].memberships.filter(user=editor).exists()
    assert client.get(g["thread"].get_absolute_url()).status_code == 404
    assert not ModerationAction.objects.filter(group=g["group"]).exists()


def test_editor_cannot_open_up_a_secret_group(world, editor, client, login):
    g = world["secret"]
    login(client, editor)

    response = edit(client, g["group"], [g["moderator"]], kind=GroupKind.OPEN)

    assert "gøre netværket mere synligt" in response.content.decode()
    g["group"].refresh_from_db()
    assert g["group"].kind == GroupKind.SECRET
    assert client.get(g["thread"].get_absolute_url()).status_code == 404


def test_editor_naming_another_moderator_is_logged_for_the_group_and_the_security_log(
    world, editor, client, login, as_user
):
    g = world["closed"]
    login(client, editor)

    edit(client, g["group"], [g["member"]])

    assert moderators_of(g["group"]) == {g["member"].pk}
    actions = ModerationAction.objects.filter(group=g["group"]).order_by("pk")
    assert [(a.actor, a.kind, a.member) for a in actions] == [
        (editor, ModerationKind.MODERATOR_REMOVED, g["moderator"]),
        (editor, ModerationKind.MODERATOR_ADDED, g["member"]),
    ]
    events = AuditEvent.objects.filter(kind=AuditEvent.Kind.GROUP_CHANGED_FROM_OUTSIDE)
    assert {(e.actor, e.subject, e.details["change"]) for e in events} == {
        (editor, g["moderator"], ModerationKind.MODERATOR_REMOVED),
        (editor, g["member"], ModerationKind.MODERATOR_ADDED),
    }
    assert {e.details["group"] for e in events} == {"closed"}

    page = as_user(g["member"]).get("/netvaerk/closed/moderering/log/").content.decode()
    assert "Gjorde en person til moderator" in page and "Fjernede en moderator" in page
    assert str(editor) in page


def test_administrator_may_enter_a_secret_group_and_it_is_logged(
    world, administrator, client, login, as_user
):
    g = world["secret"]
    login(client, administrator)

    edit(client, g["group"], [g["moderator"], administrator])

    assert moderators_of(g["group"]) == {g["moderator"].pk, administrator.pk}
    assert client.get(g["thread"].get_absolute_url()).status_code == 200
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.GROUP_CHANGED_FROM_OUTSIDE)
    assert (event.actor, event.subject) == (administrator, administrator)
    page = as_user(g["moderator"]).get("/netvaerk/secret/moderering/log/").content.decode()
    assert "Gjorde en person til moderator" in page and str(administrator) in page


def test_administrator_opening_up_a_group_is_logged_with_both_kinds(
    world, administrator, client, login
):
    g = world["secret"]
    login(client, administrator)

    edit(client, g["group"], [g["moderator"]], kind=GroupKind.CLOSED)

    action = ModerationAction.objects.get(group=g["group"])
    assert (action.kind, action.reason) == (ModerationKind.KIND_CHANGED, "Hemmelig → Lukket")
    assert AuditEvent.objects.filter(
        kind=AuditEvent.Kind.GROUP_CHANGED_FROM_OUTSIDE, details__change="kind_changed"
    ).exists()


def test_editor_may_moderate_an_open_group(world, editor, client, login):
    g = world["open"]
    login(client, editor)

    edit(client, g["group"], [g["moderator"], editor])

    assert moderators_of(g["group"]) == {g["moderator"].pk, editor.pk}


def test_moderator_of_the_group_changing_it_is_not_a_security_event(
    world, make_user, client, login
):
    g = world["closed"]
    insider = make_user(roles.EDITOR, mfa=True)
    g["group"].memberships.create(
        user=insider, role=MembershipRole.MODERATOR, status=MembershipStatus.ACTIVE
    )
    login(client, insider)

    edit(client, g["group"], [insider, g["member"]])

    assert ModerationAction.objects.filter(
        group=g["group"], kind=ModerationKind.MODERATOR_ADDED, member=g["member"]
    ).exists()
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.GROUP_CHANGED_FROM_OUTSIDE).exists()
