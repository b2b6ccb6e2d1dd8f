"""A thread page's replies (the solution, the count, a page of replies, the pagination), shared
by the readers who have the same rights there, rendered once per group generation and language.

Readers whose actions include forms (moderators, and the thread's author choosing the solution)
get the section rendered for them alone. For others it is stored under whether they may reply;
a reader who wrote one of the page's replies gets their own copy, with their edit and delete
links. Which replies are unread differs per reader: a mark left in the section
(`<!--unread-reply:PK-->`) is filled in or removed on every request.
"""

import re

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from network import fragments, reply_contents
from network.files import attachments
from network.reading import REPLIES_PER_PAGE

TEMPLATE = "network/replies.html"
UNREAD_MARK = re.compile(r"<!--unread-reply:(\d+)-->")


class Section:
    """The rendered section, its replies as (pk, author id) pairs, and the opening post's files
    (read with the replies' in one query)."""

    def __init__(self, html, replies, thread_attachments):
        self.html, self.replies, self.thread_attachments = html, replies, thread_attachments


def section(request, thread, page, rights):
    """The section for `request.user`, whose `rights` are the template's `may_post`,
    `may_moderate` and `may_choose_solution`, of a thread from `page_state.thread`; sets the
    thread's `shown_attachments`."""
    user = request.user
    page = fragments.page_param(page)
    if rights["may_moderate"] or rights["may_choose_solution"]:
        found = _render(thread, page, rights, user.pk, request)
    else:
        parts = ("replies", thread.pk, *thread.stamp, rights["may_post"], page)
        found = fragments.get_or_render(
            fragments.key(*parts, None), lambda: _render(thread, page, rights, None)
        )
        if any(author_id == user.pk for _pk, author_id in found.replies):
            found = fragments.get_or_render(
                fragments.key(*parts, user.pk), lambda: _render(thread, page, rights, user.pk)
            )
    thread.shown_attachments = found.thread_attachments
    return Section(_mark_unread(found, thread.read_up_to, user.pk), found.replies, [])


def _render(thread, page, rights, reader_id, request=None):
    replies = (
        thread.replies.select_related("author__municipality", "quoted__author")
        # Shown as HTML; the Markdown is for the author's edit form.
        .defer("body_markdown", "quoted__body_markdown")
        .order_by("created", "pk")
    )
    page_obj = Paginator(replies, REPLIES_PER_PAGE).get_page(page)
    page_replies = list(page_obj.object_list)
    solution = thread.solution if thread.solution and page_obj.number == 1 else None
    shown = [*page_replies, *filter(None, [solution])]
    attachments.show_with(thread, shown)
    reply_contents.render(shown, thread.group, rights["may_moderate"])
    context = {
        **rights,
        "group": thread.group,
        "thread": thread,
        "page_obj": page_obj,
        "replies": page_replies,
        "solution": solution,
        "reader_id": reader_id,
    }
    html = render_to_string(TEMPLATE, context, request)
    pairs = [(reply.pk, reply.author_id) for reply in page_replies]
    return Section(html, pairs, thread.shown_attachments)


def _mark_unread(found, read_up_to, reader_id):
    """The section with the replies by others past the reader's mark shown as unread."""
    unread = set()
    if read_up_to is not None:
        unread = {pk for pk, author in found.replies if pk > read_up_to and author != reader_id}
    marker = format_html('<p class="network-unread"><strong>{}</strong></p>', _("Ulæst"))
    return mark_safe(UNREAD_MARK.sub(lambda m: marker if int(m[1]) in unread else "", found.html))
