"""The networks' demo content: it loads twice without duplicates, covers every kind of group and
membership, mentions only people who can be mentioned, keeps the secret group from the
municipal demo log-ins, and renders safely."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count, F, Max
from django.utils import timezone

from network import markup
from network.choices import GroupKind, MembershipRole, MembershipStatus
from network.models import Group, Membership, PostRevision, Reply, Thread
from portal import access, roles
from portal.demo import DEMO_USERS

pytestmark = pytest.mark.django_db

MENTION = re.compile(r"(?<![\w.@])@([a-z0-9][a-z0-9._-]*[a-z0-9])", re.IGNORECASE)
DEMO_MEMBER = "medlem@kommune.dk"


def demo_counts():
    """What loading the demo again must not change (read by the `first_load` fixture)."""
    return {
        "users": get_user_model().objects.count(),
        "groups": Group.objects.count(),
        "memberships": Membership.objects.count(),
        "threads": Thread.objects.count(),
        "replies": Reply.objects.count(),
        "revisions": PostRevision.objects.count(),
        "solutions": Thread.objects.exclude(solution=None).count(),
        "quotes": Reply.objects.exclude(quoted=None).count(),
    }


def _posts():
    return [*Thread.objects.select_related("group"), *Reply.objects.select_related("thread__group")]


def _group_of(post):
    return post.group if isinstance(post, Thread) else post.thread.group


def test_loading_the_network_demo_again_creates_nothing_new(first_load):
    assert demo_counts() == first_load
    assert not Thread.objects.values("group", "title").annotate(n=Count("pk")).filter(n__gt=1)
    assert (
        not Reply.objects.values("thread", "body_markdown").annotate(n=Count("pk")).filter(n__gt=1)
    )


def test_six_groups_of_every_kind_with_threads_replies_and_answers(first_load):
    groups = Group.objects.annotate(threads_count=Count("threads"))
    solved = Thread.objects.exclude(solution=None)
    quoting = Reply.objects.exclude(quoted=None)

    assert groups.count() >= 6
    assert {group.kind for group in groups} == set(GroupKind.values)
    assert all(group.threads_count >= 4 for group in groups)
    assert Thread.objects.count() >= 40 and Reply.objects.count() >= 200
    assert solved.count() >= 25
    assert not solved.exclude(solution__thread=F("pk")).exists()
    assert Thread.objects.filter(pinned=True).exists()
    assert Thread.objects.filter(locked=True).exists()
    assert quoting.count() >= 5
    assert not quoting.exclude(quoted__thread=F("thread")).exists()
    assert not quoting.filter(quoted__created__gte=F("created")).exists()


def test_edited_posts_keep_their_earlier_text(first_load):
    edited = [post for post in _posts() if post.edited_at]
    revisions = PostRevision.objects.all()

    assert len(edited) >= 2
    assert revisions.count() == len(edited)
    for revision in revisions:
        post = revision.thread or revision.reply
        assert post.edited_at == revision.edited_at > post.created
        assert revision.old_body and revision.old_body != post.body_markdown
        assert revision.edited_by_id == post.author_id


def test_memberships_of_every_status_and_a_moderator_in_every_group(first_load):
    statuses = set(Membership.objects.values_list("status", flat=True))
    moderated = Group.objects.filter(
        memberships__role=MembershipRole.MODERATOR,
        memberships__status=MembershipStatus.ACTIVE,
    ).distinct()

    assert statuses == set(MembershipStatus.values)
    assert moderated.count() == Group.objects.count()
    assert Membership.objects.filter(
        status=MembershipStatus.REQUESTED, group__kind=GroupKind.CLOSED
    ).exists()
    assert Membership.objects.filter(
        status=MembershipStatus.INVITED, group__kind=GroupKind.SECRET
    ).exists()


def test_every_author_was_an_active_member_of_the_group_when_writing(first_load):
    joined = {
        (group, user): since
        for group, user, since in Membership.objects.filter(
            status=MembershipStatus.ACTIVE
        ).values_list("group", "user", "joined_at")
    }

    outsiders = [
        post
        for post in _posts()
        if not joined.get((_group_of(post).pk, post.author_id), post.created) < post.created
    ]

    assert outsiders == []


def test_mentions_name_one_active_member_of_the_thread_group(first_load):
    members = {}
    for group_id, email in Membership.objects.filter(status=MembershipStatus.ACTIVE).values_list(
        "group", "user__email"
    ):
        local_part = email.split("@")[0]
        members.setdefault(group_id, []).append(local_part)
    mentions = [
        (_group_of(post), name) for post in _posts() for name in MENTION.findall(post.body_markdown)
    ]

    assert len(mentions) >= 15
    assert {group.kind for group, _name in mentions} == set(GroupKind.values)
    unresolved = [
        (group.slug, name) for group, name in mentions if members[group.pk].count(name) != 1
    ]
    assert unresolved == []


def test_municipal_demo_log_ins_are_not_in_the_secret_group(first_load, client):
    municipal_logins = [
        email for _label, email, _first, _last, role_names, *_rest in DEMO_USERS
        if roles.MEMBER in role_names
    ]  # fmt: skip
    secret = Group.objects.get(kind=GroupKind.SECRET)
    member = get_user_model().objects.get(email=DEMO_MEMBER)
    client.force_login(member)

    assert DEMO_MEMBER in municipal_logins and len(municipal_logins) >= 5
    assert not secret.memberships.filter(user__email__in=municipal_logins).exists()
    assert client.get(secret.get_absolute_url()).status_code == 404
    assert secret not in access.listed_groups(member, Group.objects.all())


def test_the_demo_member_reads_several_groups_including_a_closed_one(first_load):
    member = get_user_model().objects.get(email=DEMO_MEMBER)
    active = Group.objects.filter(
        memberships__user=member, memberships__status=MembershipStatus.ACTIVE
    )
    readable = access.readable_groups(member, Group.objects.all())

    assert active.count() >= 3
    assert active.filter(kind=GroupKind.CLOSED).exists()
    assert Thread.objects.filter(author=member).exists()
    assert readable.filter(kind=GroupKind.CLOSED).exists()
    assert not readable.filter(kind=GroupKind.SECRET).exists()


def test_times_spread_over_the_last_eighteen_months_and_activity_follows_replies(first_load):
    now = timezone.now()
    threads = Thread.objects.annotate(latest=Max("replies__created"))
    replies = Reply.objects.select_related("thread")

    assert min(t.created for t in threads) >= now - timedelta(days=570)
    assert min(t.created for t in threads) <= now - timedelta(days=450)
    assert max(t.created for t in threads) >= now - timedelta(days=30)
    assert all(t.last_activity == (t.latest or t.created) for t in threads)
    assert all(t.last_activity <= now for t in threads)
    assert all(r.thread.created < r.created <= now for r in replies)
    assert all(
        r.thread.group.created <= r.thread.created for r in replies.select_related("thread__group")
    )


def test_stored_html_is_the_sanitised_rendering_of_the_markdown(first_load):
    posts = _posts()

    assert all(post.body_html == markup.render(post.body_markdown) for post in posts)
    html = "".join(post.body_html for post in posts)
    assert "<ul>" in html and "<ol>" in html and "<strong>" in html and "<table>" in html
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs and all(href.startswith("https://") for href in hrefs)
    assert html.count('rel="nofollow noopener"') == len(hrefs)
    assert not re.search(r"<(script|img|iframe|style)|on\w+=", html, re.IGNORECASE)
    assert "<br" not in html  # the source's wrapping of the texts does not break paragraphs


def test_every_thread_the_demo_member_may_read_renders(first_load, client):
    member = get_user_model().objects.get(email=DEMO_MEMBER)
    client.force_login(member)
    threads = Thread.objects.readable_by(member).select_related("group")

    pages = {thread.title: client.get(thread.get_absolute_url()) for thread in threads}

    assert len(pages) >= 25
    assert {title: r.status_code for title, r in pages.items() if r.status_code != 200} == {}
    assert all(title in r.content.decode() for title, r in pages.items())
