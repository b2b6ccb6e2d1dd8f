"""A thread page around its replies (breadcrumbs; title, follow button, opening post and its
actions; the reply form), shared by the readers who have the same rights and state there.

It is kept under the thread's group generations (`network.fragments`), the language and
everything of the reader it shows: whether they moderate, may reply, are an active member,
wrote the thread, follow it and have an unread reply to be sent to. What differs per request,
the CSRF token, the first unread reply and the blank reply form's submission token, is filled
into its slots (`portal.slots`). A reply form being quoted or shown again with its errors is
the reader's own: the frame is then rendered for them alone.
"""

from django.middleware.csrf import get_token
from django.template.loader import render_to_string

from network import access, fragments
from network.forms import blank_reply_form
from portal import slots

PARTS = {
    "crumbs": "network/thread_crumbs.html",
    "head": "network/thread_head.html",
    "reply_form": "network/thread_reply_form.html",
}


def frame(request, thread, rights, first_unread, reply_form=None, quoting=None):
    """{"crumbs", "head", "reply_form"}: the page's parts for `request.user`, whose `rights`
    are the view's (`may_post`, `may_moderate`, `is_member`), of a thread from
    `page_state.thread`."""
    context = {
        **rights,
        "group": thread.group,
        "thread": thread,
        "is_author": access.is_author(request.user, thread),
    }
    if reply_form is not None:
        context.update(first_unread=first_unread, form=reply_form, quoting=quoting)
        return {
            part: render_to_string(template, context, request) for part, template in PARTS.items()
        }
    shape = (
        *(rights[name] for name in ("may_moderate", "may_post", "is_member")),
        context["is_author"],
        thread.followed,
        first_unread is not None,
    )
    key = fragments.key("thread-frame", thread.pk, *thread.stamp, *shape)
    parts = fragments.get_or_render(key, lambda: _pieces(context, first_unread is not None))
    values = {"csrf_token": get_token(request), "first_unread": str(first_unread)}
    if rights["may_post"]:
        values["blank_form"] = blank_reply_form(thread)
    return {part: slots.fill(pieces, values) for part, pieces in parts.items()}


def _pieces(context, unread):
    def with_slots(slot):
        return {
            **context,
            "csrf_token": slot("csrf_token"),
            "first_unread": slot("first_unread") if unread else None,
            "blank_form": slot("blank_form"),
        }

    return {part: slots.pieces(template, with_slots) for part, template in PARTS.items()}
