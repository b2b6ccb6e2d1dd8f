"""What a reply shows every reader alike (author, time, quote, text, files), rendered once.

The cache key is made of everything the fragment shows (the post's edit, deletion and hiding,
the author as displayed, the quoted post's state, the files, the group's address, whether the
reader moderates, the language), so a change makes a new key and nothing needs invalidating. Only
the reader's own markers and action links are rendered on every request.
"""

import hashlib

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

TEMPLATE = "network/reply_content.html"
TIMEOUT = 24 * 3600


def _shown_as(user):
    return user and (user.pk, str(user))


def _key(reply, group, may_moderate):
    quoted = reply.quoted
    author = reply.author
    parts = (
        reply.pk,
        reply.edited_at,
        reply.deleted_at,
        reply.hidden_at,
        _shown_as(author),
        author and (author.title, str(author.municipality or "")),
        quoted and (quoted.pk, quoted.edited_at, quoted.deleted_at, quoted.hidden_at),
        quoted and _shown_as(quoted.author),
        [(a.pk, a.original_name, a.size, a.content_type) for a in reply.shown_attachments],
        group.slug,
        may_moderate,
        translation.get_language(),
    )
    return "network:reply:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def render(replies, group, may_moderate):
    """Set `content` on each reply, reading every cached fragment in one round trip."""
    keys = {reply.pk: _key(reply, group, may_moderate) for reply in replies}
    cached = cache.get_many(keys.values())
    rendered = {}
    for reply in replies:
        html = cached.get(keys[reply.pk])
        if html is None:
            context = {"reply": reply, "group": group, "may_moderate": may_moderate}
            html = rendered[keys[reply.pk]] = render_to_string(TEMPLATE, context)
        reply.content = mark_safe(html)  # our own template's output, escaped there
    if rendered:
        cache.set_many(rendered, TIMEOUT)
