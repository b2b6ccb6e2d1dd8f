"""@mentions: a stable mention names a user by id; the older local part of an active member's
e-mail address still works, case-insensitive. Ambiguous local parts, non-members, and people who
may not read the group are never mentioned."""

import pytest

from network.choices import MembershipStatus
from network.mentions import mentioned_local_parts, mentioned_users
from network.models import Follow, Notification, NotificationKind
from portal import roles
from tests.network.conftest import add_member
from tests.network.notification_helpers import post_reply, post_thread

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hej @mette.holm, kan du svare?", ["mette.holm"]),
        ("@Mette.Holm og @METTE.HOLM", ["mette.holm"]),
        ("Tak, @ole_b-2.", ["ole_b-2"]),
        ("Skriv til mette.holm@kk.dk eller kontakt@example.org", []),
        ("Se `@mette.holm` i koden", []),
        ("```\n@mette.holm\n```", []),
        ("*@mette.holm* og **@ole**", ["mette.holm", "ole"]),
        ("Et enligt @ eller @. betyder intet", []),
        ("@søren.ærø", ["søren.ærø"]),
    ],
)
def test_mentioned_local_parts(text, expected):
    assert mentioned_local_parts(text) == expected


@pytest.fixture
def mette(world, make_user):
    user = make_user(roles.MEMBER, email="Mette.Holm@kk.dk")
    for kind in ("open", "closed", "secret"):
        add_member(world[kind]["group"], user)
    return user


def test_an_active_member_is_mentioned_whatever_the_case(world, mette):
    assert list(mentioned_users("Hej @mette.HOLM", world["closed"]["group"])) == [mette]


def test_a_non_member_is_not_mentioned_in_a_closed_group(world, make_user):
    make_user(roles.MEMBER, email="jens@kk.dk")

    assert not mentioned_users("Hej @jens", world["closed"]["group"]).exists()


@pytest.mark.parametrize(
    "status", [MembershipStatus.REMOVED, MembershipStatus.INVITED, MembershipStatus.BANNED]
)
def test_someone_no_longer_or_not_yet_a_member_is_not_mentioned(world, make_user, status):
    user = make_user(roles.MEMBER, email="jens@kk.dk")
    add_member(world["secret"]["group"], user, status)

    assert not mentioned_users("Hej @jens", world["secret"]["group"]).exists()


def test_a_local_part_two_members_share_mentions_nobody(world, make_user, mette):
    other = make_user(roles.MEMBER, email="mette.holm@aarhus.dk")
    add_member(world["open"]["group"], other)

    assert not mentioned_users("Hej @mette.holm", world["open"]["group"]).exists()
    # In a group where only one of them is a member, the name is theirs alone.
    assert list(mentioned_users("Hej @mette.holm", world["closed"]["group"])) == [mette]


def test_an_inactive_account_is_not_mentioned(world, mette):
    mette.is_active = False
    mette.save()

    assert not mentioned_users("Hej @mette.holm", world["open"]["group"]).exists()


def test_being_mentioned_notifies_and_follows_the_thread(world, mette):
    closed = world["closed"]
    thread = post_thread(closed["member"], closed["group"], body="Hvad siger @mette.holm?")

    notification = Notification.objects.get(recipient=mette)
    assert (notification.kind, notification.thread) == (NotificationKind.MENTION, thread)
    assert Follow.objects.filter(user=mette, thread=thread).exists()


def test_a_mention_in_a_reply_outranks_following(world, mette):
    closed = world["closed"]
    thread = post_thread(mette, closed["group"])
    reply = post_reply(closed["member"], thread, body="@mette.holm: se her")

    assert list(Notification.objects.filter(recipient=mette).values_list("kind", "reply")) == [
        (NotificationKind.MENTION, reply.pk)
    ]


def test_mentioning_yourself_does_nothing(world, mette):
    post_thread(mette, world["open"]["group"], body="Jeg, @mette.holm, spørger")

    assert not Notification.objects.filter(recipient=mette).exists()


def test_mentioning_a_non_member_of_a_secret_group_tells_them_nothing(world, make_user):
    outsider = make_user(roles.MEMBER, email="jens@kk.dk")
    secret = world["secret"]
    thread = post_thread(secret["member"], secret["group"], body="Spørg @jens")

    assert not Notification.objects.filter(recipient=outsider).exists()
    assert not Follow.objects.filter(user=outsider, thread=thread).exists()


def stable(user, name=None):
    return f"@[{name or user.get_full_name()}](bruger:{user.pk})"


def test_a_stable_mention_renders_as_the_persons_current_name_linking_to_them(world):
    closed = world["closed"]
    moderator = closed["moderator"]
    thread = post_thread(closed["member"], closed["group"], body=f"Spørg {stable(moderator, 'X')}")

    assert thread.body_html == (
        f'<p>Spørg <a class="network-mention" href="/netvaerk/closed/personer/{moderator.pk}/"'
        ' rel="nofollow noopener">@Moderator closed</a></p>\n'
    )


def test_a_stable_mention_notifies_the_person_named_by_id(world):
    closed = world["closed"]
    moderator = closed["moderator"]
    thread = post_thread(closed["member"], closed["group"], body=f"Hvad siger {stable(moderator)}?")

    notification = Notification.objects.get(recipient=moderator)
    assert (notification.kind, notification.thread) == (NotificationKind.MENTION, thread)


def test_a_stable_mention_of_someone_who_may_not_read_the_group_is_plain_text(world):
    secret = world["secret"]
    outsider = world["outsider"]

    thread = post_thread(secret["member"], secret["group"], body=f"Hej {stable(outsider, 'Ven')}")

    assert thread.body_html == "<p>Hej @Ven</p>\n"
    assert str(outsider.pk) not in thread.body_html
    assert not Notification.objects.filter(recipient=outsider).exists()


@pytest.mark.parametrize(
    "text",
    [
        "`@[Bo](bruger:ID)`",
        "```\n@[Bo](bruger:ID)\n```",
        "[@Bo](bruger:ID)",
    ],
)
def test_a_stable_mention_in_code_or_a_plain_link_mentions_nobody(world, text):
    closed = world["closed"]
    body = text.replace("ID", str(closed["moderator"].pk))

    thread = post_thread(closed["member"], closed["group"], body=body)

    assert "network-mention" not in thread.body_html
    assert not Notification.objects.filter(recipient=closed["moderator"]).exists()


def test_a_forged_mention_cannot_inject_markup(world):
    closed = world["closed"]
    body = f'@[<img src=x onerror=alert(1)>"](bruger:{world["outsider"].pk})'

    thread = post_thread(closed["member"], closed["group"], body=body)

    assert "<img" not in thread.body_html
    assert "&lt;img src=x onerror=alert(1)&gt;" in thread.body_html


def test_old_and_stable_mentions_together_notify_each_person_once(world, mette):
    closed = world["closed"]
    body = f"{stable(mette)} og @mette.holm og {stable(closed['moderator'])}"

    post_thread(closed["member"], closed["group"], body=body)

    kinds = Notification.objects.filter(kind=NotificationKind.MENTION)
    assert sorted(kinds.values_list("recipient", flat=True)) == sorted(
        [mette.pk, closed["moderator"].pk]
    )
