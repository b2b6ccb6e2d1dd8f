"""A thread page's replies (the solution, the count, a page of replies, the pagination), shared
by the readers who have the same rights there, rendered once per group generation and language.

Readers whose actions include forms (moderators, and the thread's author choosing the solution)
get the section rendered for them alone. For others it is stored under whether they may reply;
a reader who wrote one of the page's replies gets their own copy, with their edit and delete
links. Which replies are unread differs per reader: a mark left in the section
(`<!--unread-reply:PK-->`) is filled in or removed on every request.
"""

import re
from collections import namedtuple

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from network import access, fragments, reply_contents
from network.files import attachments
from network.reading import REPLIES_PER_PAGE

TEMPLATE = "network/replies.html"
UNREAD_MARK = re.compile(r"<!--unread-reply:(\d+)-->")
# What the section keeps of each reply on its page: enough for `access.is_author`.
Written = namedtuple("Written", ["pk", "author_id"])


class Section:
    """The rendered section, its replies as `Written` (pk, author id), and the opening post's
    files (read with the replies' in one query)."""

    def __init__(self, html, replies, thread_attachments):
        self.html, self.replies, self.thread_attachments = html, replies, thread_attachments


def section(request, thread, page, rights):
    """The section for `request.user`, whose `rights` are the template's `may_post`,
    `may_moderate` and `may_choose_solution`, of a thread from `page_state.thread`; sets the
    thread's `shown_attachments`."""
    user = request.user
    page = fragments.page_param(page)
    if rights["may_moderate"] or rights["may_choose_solution"]:
        found = _render(thread, page, rights, user, request)
    else:
        # Named anew when what the section keeps changes, so no older section is read back.
        parts = ("reply-section", thread.pk, *thread.stamp, rights["may_post"], page)
        found = fragments.get_or_render(
            fragments.key(*parts, None), lambda: _render(thread, page, rights, None)
        )
        if any(access.is_author(user, written) for written in found.replies):
            found = fragments.get_or_render(
                fragments.key(*parts, user.pk), lambda: _render(thread, page, rights, user)
            )
    thread.shown_attachments = found.thread_attachments
    return Section(_mark_unread(found, thread.read_up_to, user), found.replies, [])


def _render(thread, page, rights, reader, request=None):
    """The section with the edit and delete links of `reader`'s replies (None: nobody's)."""
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
    for reply in shown:
        reply.by_reader = reader is not None and access.is_author(reader, reply)
    reply_contents.render(shown, thread.group, rights["may_moderate"])
    context = {
        **rights,
        "group": thread.group,
        "thread": thread,
        "page_obj": page_obj,
        "replies": page_replies,
        "solution": solution,
    }
    html = render_to_string(TEMPLATE, context, request)
    written = [Written(reply.pk, reply.author_id) for reply in page_replies]
    return Section(html, written, thread.shown_attachments)


def _mark_unread(found, read_up_to, reader):
    """The section with the replies by others past the reader's mark shown as unread."""
    unread = set()
    if read_up_to is not None:
        unread = {
            written.pk
            for written in found.replies
            if written.pk > read_up_to and not access.is_author(reader, written)
        }
    marker = format_html('<p class="network-unread"><strong>{}</strong></p>', _("Ulæst"))
    return mark_safe(UNREAD_MARK.sub(lambda m: marker if int(m[1]) in unread else "", found.html))
