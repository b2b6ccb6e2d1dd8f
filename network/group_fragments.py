"""A group page's shared parts, rendered once per group generation and language: the page of
threads (once more for moderators, who see hidden threads' titles), the moderators, the
upcoming meetings (until the first of them ends), and the latest documents with the member list.

Every fragment is keyed by the group generations `page_state.group` read with the group
(`group.stamp`), so they are read once per request and the page's parts agree.

What differs per reader is added on every request: whether each listed thread is unread for
them (a mark left in the cached list, `<!--unread:PK-->`, filled in or removed), their
membership, the follow button and the moderators' tools.
"""

import re

from django.core.cache import cache
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from network import fragments, reading
from network.choices import MembershipRole, MembershipStatus
from network.models import Thread
from portal import compiled

THREADS_PER_PAGE = 30
LATEST_DOCUMENTS = 5
UPCOMING_MEETINGS_SHOWN = 3
UNREAD_MARK = re.compile(r"<!--unread:(\d+)-->")


def thread_list(group, user, may_moderate, may_post, page):
    """The page of threads as HTML, with the reader's unread threads marked."""
    page = fragments.page_param(page)
    stamp = group.stamp
    key = fragments.key("threads", group.pk, *stamp, may_moderate, page)
    html, pks = fragments.get_or_render(key, lambda: _render_threads(group, may_moderate, page))
    unread = set()
    if may_post and pks:
        parts = (group.pk, *stamp, may_moderate, page, user.pk, *fragments.reader_stamp(user.pk))
        unread = fragments.get_or_render(
            fragments.key("unread-threads", *parts), lambda: _unread(user, pks)
        )
    marker = format_html('<strong class="network-unread">{}</strong> · ', _("Ulæst"))
    return mark_safe(UNREAD_MARK.sub(lambda m: marker if int(m[1]) in unread else "", html))


def _unread(user, pks):
    """Which of `pks` are unread for `user`; a full page's worth of ids, the first repeated,
    so that the SQL is always the same."""
    padded = pks + pks[:1] * (THREADS_PER_PAGE - len(pks))
    return {pk for (pk,) in compiled.rows("unread-threads", user, _unread_among, padded)}


def _unread_among(reader, pks):
    threads = reading.with_unread_flag(Thread.objects.filter(pk__in=pks), reader)
    return threads.filter(unread=True).values_list("pk")


def _render_threads(group, may_moderate, page):
    threads = (
        group.threads.select_related("author")
        .defer("body_markdown", "body_html")
        .with_reply_count()
        .order_by("-pinned", "-last_activity", "-pk")
    )
    page_obj = Paginator(threads, THREADS_PER_PAGE).get_page(page)
    context = {"group": group, "page_obj": page_obj, "may_moderate": may_moderate}
    html = render_to_string("network/thread_list.html", context)
    return html, [thread.pk for thread in page_obj.object_list]


def _active_members(group):
    return group.memberships.filter(status=MembershipStatus.ACTIVE).select_related(
        "user__municipality"
    )


def moderators(group):
    """The moderators' list, which anyone the group is listed for sees."""

    def render():
        members = _active_members(group).filter(role=MembershipRole.MODERATOR)
        users = [m.user for m in members.order_by("user__first_name", "user__last_name")]
        return render_to_string("network/group_moderators.html", {"moderators": users})

    key = fragments.key("moderators", group.pk, *group.stamp)
    return mark_safe(fragments.get_or_render(key, render))


def upcoming_meetings(group):
    """The next meetings, kept until the first of them ends, when another may be among them."""
    zone = timezone.get_current_timezone_name()
    key = fragments.key("upcoming-meetings", group.pk, *group.stamp, zone)
    html = cache.get(key)
    if html is None:
        now = timezone.now()
        meetings = list(group.meetings.upcoming(now)[:UPCOMING_MEETINGS_SHOWN])
        context = {"group": group, "upcoming_meetings": meetings}
        html = render_to_string("network/upcoming_meetings.html", context)
        first_end = min((meeting.end for meeting in meetings), default=None)
        seconds = fragments.TIMEOUT if first_end is None else (first_end - now).total_seconds()
        cache.set(key, html, max(1, min(fragments.TIMEOUT, int(seconds))))
    return mark_safe(html)


def library_and_members(group):
    """The latest documents and the members, moderators first: for readers of the group."""

    def render():
        members = _active_members(group).order_by("-role", "user__first_name", "user__last_name")
        context = {
            "group": group,
            "members": members,
            "latest_documents": group.documents.order_by("-created", "-pk")[:LATEST_DOCUMENTS],
        }
        return render_to_string("network/group_library_members.html", context)

    key = fragments.key("library-members", group.pk, *group.stamp)
    return mark_safe(fragments.get_or_render(key, render))
