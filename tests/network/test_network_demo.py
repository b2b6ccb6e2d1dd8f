"""The networks' demo content: it loads twice without duplicates, covers every kind of group and
membership, mentions only people who can be mentioned, keeps the secret group from the
municipal demo log-ins, renders safely, shares real files, holds meetings, and gives the demo
member notifications and the moderators something to look at."""

import io
import re
import zipfile
from datetime import timedelta

import openpyxl
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, F, Max, Q
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from events import registration
from network import access, mentions, notifications
from network.choices import GroupKind, MembershipRole, MembershipStatus
from network.files import types
from network.models import (
    Attachment,
    Follow,
    Group,
    GroupDocument,
    Meeting,
    MeetingRegistration,
    Membership,
    ModerationAction,
    ModerationKind,
    Notification,
    NotificationKind,
    PostRevision,
    Reply,
    Report,
    Thread,
)
from portal import roles
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
        "attachments": Attachment.objects.count(),
        "documents": GroupDocument.objects.count(),
        "meetings": Meeting.objects.count(),
        "registrations": MeetingRegistration.objects.count(),
        "follows": Follow.objects.count(),
        "notifications": Notification.objects.count(),
        "reports": Report.objects.count(),
        "moderation actions": ModerationAction.objects.count(),
    }


@pytest.fixture
def network_files_root():
    """The demo's files stay where `first_load` wrote them (not in a fresh folder per test)."""
    return settings.NETWORK_FILES_ROOT


def _attachment_group(attachment):
    return (attachment.thread or attachment.reply.thread).group


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

    assert len(mentions) >= 10  # and four by name (test_some_posts_mention_people_by_name_…)
    assert {group.kind for group, _name in mentions} == set(GroupKind.values)
    unresolved = [
        (group.slug, name) for group, name in mentions if members[group.pk].count(name) != 1
    ]
    assert unresolved == []


def test_municipal_demo_log_ins_are_not_in_the_secret_group(first_load, client):
    municipal_logins = [login["email"] for login in DEMO_USERS if roles.MEMBER in login["groups"]]
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

    assert all(
        post.body_html == mentions.render(post.body_markdown, lambda p=post: _group_of(p))
        for post in posts
    )
    html = "".join(post.body_html for post in posts)
    assert "<ul>" in html and "<ol>" in html and "<strong>" in html and "<table>" in html
    hrefs = re.findall(r'href="([^"]*)"', html)
    people = re.compile(r"/netvaerk/[a-z0-9-]+/personer/\d+/")
    assert hrefs and all(href.startswith("https://") or people.fullmatch(href) for href in hrefs)
    assert html.count('rel="nofollow noopener"') == len(hrefs)
    assert not re.search(r"<(script|img|iframe|style)|on\w+=", html, re.IGNORECASE)
    assert "<br" not in html  # the source's wrapping of the texts does not break paragraphs


def test_some_posts_mention_people_by_name_and_link_to_them(first_load, client):
    named = [post for post in _posts() if 'class="network-mention"' in post.body_html]
    member = get_user_model().objects.get(email=DEMO_MEMBER)

    assert len(named) >= 4
    assert all("{" not in post.body_markdown for post in named)
    to_member = [p for p in named if f">@{member.get_full_name()}</a>" in p.body_html]
    assert len(to_member) == 2
    notified = Notification.objects.filter(recipient=member, kind=NotificationKind.MENTION)
    assert set(notified.values_list("reply", flat=True)) >= {p.pk for p in to_member}
    client.force_login(member)
    link = re.search(r'href="(/netvaerk/[^"]+/personer/\d+/)"', to_member[0].body_html)[1]
    assert member.get_full_name() in client.get(link).content.decode()


def test_every_thread_the_demo_member_may_read_renders(first_load, client):
    member = get_user_model().objects.get(email=DEMO_MEMBER)
    client.force_login(member)
    threads = Thread.objects.readable_by(member).select_related("group")

    pages = {thread.title: client.get(thread.get_absolute_url()) for thread in threads}

    assert len(pages) >= 25
    assert {title: r.status_code for title, r in pages.items() if r.status_code != 200} == {}
    assert all(title in r.content.decode() for title, r in pages.items())


def test_loading_again_adds_no_files_meetings_notifications_or_reports(first_load):
    assert first_load["attachments"] >= 8 and first_load["documents"] >= 9
    assert first_load["meetings"] >= 6 and first_load["notifications"] >= 5
    assert first_load["reports"] >= 1 and first_load["moderation actions"] >= 1
    assert demo_counts() == first_load


def _pdf_is_well_formed(content):
    """Every object the cross-reference table points to starts where it says."""
    xref = int(content.rsplit(b"startxref", 1)[1].split()[0])
    entries = content[xref:].split(b"trailer")[0].splitlines()[3:]
    return content.rstrip().endswith(b"%%EOF") and all(
        content[int(entry[:10]) :].startswith(b"%d 0 obj" % number)
        for number, entry in enumerate(entries, start=1)
    )


def _opens(kind, content):
    """The file opens with a reader of its kind and holds something."""
    if kind == types.PDF:
        return _pdf_is_well_formed(content) and b" Tj" in content
    if kind == types.XLSX:
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        return sheet.max_row > 1 and any(isinstance(c.value, int) for c in sheet[2])
    if kind == types.DOCX:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            return b"<w:t" in archive.read("word/document.xml")
    with Image.open(io.BytesIO(content)) as image:
        image.load()
        return image.size[0] > 100


def test_every_shared_file_is_readable_and_of_the_type_stored(first_load):
    shared = [*Attachment.objects.all(), *GroupDocument.objects.all()]
    kinds = set()
    for stored in shared:
        with stored.file.open("rb") as file:
            detected = types.detect(file)
            content = file.read()
        kinds.add(detected)
        assert (stored.original_name, detected.content_type) == (
            stored.original_name,
            stored.content_type,
        )
        assert stored.original_name.endswith(f".{detected.extension}")
        assert len(content) == stored.size
        assert _opens(detected, content), stored.original_name
    assert {types.PDF, types.XLSX, types.DOCX, types.PNG} <= kinds


def test_attachments_on_posts_of_several_groups_dated_as_their_post(first_load):
    attachments = Attachment.objects.select_related("thread__group", "reply__thread__group")

    assert len({_attachment_group(a).pk for a in attachments}) >= 4
    assert attachments.filter(reply=None).exists() and attachments.filter(thread=None).exists()
    assert all(a.created == (a.thread or a.reply).created for a in attachments)
    assert all(a.uploaded_by_id == (a.thread or a.reply).author_id for a in attachments)


def test_three_group_libraries_with_documents_in_folders(first_load):
    libraries = Group.objects.annotate(n=Count("documents")).filter(n__gte=3)
    folders = {"Skabeloner", "Referater", "Vejledninger og notater"}

    assert libraries.count() >= 3
    for group in libraries:
        assert set(group.documents.values_list("folder", flat=True)) == folders
        assert not group.documents.exclude(
            uploaded_by__network_memberships__group=group,
            uploaded_by__network_memberships__status=MembershipStatus.ACTIVE,
        ).exists()


def test_the_secret_groups_files_are_kept_from_the_demo_member(first_load, client):
    member = get_user_model().objects.get(email=DEMO_MEMBER)
    readable = access.readable_groups(member, Group.objects.all())
    secret = Group.objects.get(kind=GroupKind.SECRET)
    in_secret = Attachment.objects.filter(Q(thread__group=secret) | Q(reply__thread__group=secret))
    shown = Attachment.objects.filter(
        Q(thread__group__in=readable) | Q(reply__thread__group__in=readable)
    )
    client.force_login(member)
    readable_one = shown.select_related("thread__group", "reply__thread__group").first()

    assert in_secret.exists() and shown.exists()
    assert not shown.filter(pk__in=in_secret).exists()
    for attachment in in_secret:
        url = reverse("network:attachment_file", args=[secret.slug, attachment.pk])
        assert client.get(url).status_code == 404
    response = client.get(
        reverse(
            "network:attachment_file", args=[_attachment_group(readable_one).slug, readable_one.pk]
        )
    )
    assert response.status_code == 200
    assert response["Content-Type"] == readable_one.content_type


def test_meetings_held_and_coming_with_registrations_and_a_waiting_list(first_load):
    now = timezone.now()
    groups = Group.objects.filter(meetings__isnull=False).distinct()
    coming = Meeting.objects.upcoming(now)

    assert groups.count() >= 3
    for group in groups:
        held = group.meetings.past(now)
        assert held.exists() and group.meetings.upcoming(now).exists()
        assert all(m.agenda_html and m.material_html for m in held)
    assert all(m.registrations.exists() for m in coming)
    statuses = [registration.seat_status(m) for m in coming]
    assert any(s.is_full and s.waiting >= 1 for s in statuses)
    assert all(s.capacity is None or s.confirmed <= s.capacity for s in statuses)
    registrants = MeetingRegistration.objects.select_related("user", "event__group")
    assert all(r.event.attendance_refusal(r.user) is None for r in registrants)


def test_the_demo_member_follows_their_groups_and_has_unread_notifications(first_load, client):
    member = get_user_model().objects.get(email=DEMO_MEMBER)
    active = Group.objects.filter(
        memberships__user=member, memberships__status=MembershipStatus.ACTIVE
    )
    visible = Notification.objects.visible_to(member)
    client.force_login(member)

    assert set(active) <= {f.group for f in Follow.objects.filter(user=member, group__isnull=False)}
    assert Follow.objects.filter(user=member, thread__isnull=False).exists()
    assert {n.kind for n in visible} == set(NotificationKind.values)
    assert 0 < notifications.unread_count(member) < visible.count()
    assert Notification.objects.deliverable_to(member).count() == visible.count()
    assert not Notification.objects.filter(emailed_at=None).exists()
    page = client.get(reverse("network:notifications")).content.decode()
    assert all(n.thread.title in page for n in visible.select_related("thread"))


def test_moderators_find_an_open_report_and_a_hidden_reply_in_the_log(first_load, client):
    hidden = Reply.objects.exclude(hidden_at=None).select_related("thread__group")
    reports = Report.objects.open().select_related("group")

    assert hidden.exists() and reports.exists()
    for reply in hidden:
        action = ModerationAction.objects.get(reply=reply, kind=ModerationKind.HIDE)
        assert action.created == reply.hidden_at > reply.created
        assert access.may_moderate(action.actor, reply.thread.group)
        client.force_login(action.actor)
        log = client.get(reverse("network:moderation_log", args=[reply.thread.group.slug]))
        assert log.status_code == 200 and action.reason in log.content.decode()
    demo_logins = [login["email"] for login in DEMO_USERS]
    for report in reports:
        assert report.post.author_id != report.reporter_id
        assert report.group.memberships.filter(
            role=MembershipRole.MODERATOR,
            status=MembershipStatus.ACTIVE,
            user__email__in=demo_logins,
        ).exists()
