"""Mentions. A stable mention, `@[Bo Vestergaard](bruger:42)`, is what the writing form's
autocomplete inserts: it names a user by id and renders as their name, linked to their page in
the group. The older `@local-part` (what comes before "@" in the e-mail address of an active
member) still notifies; a local part two members share names nobody. Only people who may read
the group are ever mentioned, and code (`@x` in backticks or code blocks) mentions no one."""

import re
from collections import defaultdict

from django.db.models import Q
from django.urls import reverse

from network import access
from network.choices import MembershipStatus
from network.markup import _markdown
from network.markup import render as render_markdown
from portal.models import User

# Not after a word character, "@", "." or "-", so an e-mail address in the text is no mention.
MENTION = re.compile(r"(?<![\w@.-])@([\w.-]+)")
MAX_MENTIONS = 50
MAX_SUGGESTIONS = 8


def _inline_tokens(markdown_text):
    for block in _markdown.parse(markdown_text or ""):
        yield from block.children or ()


def mentioned_local_parts(markdown_text):
    """The lower-cased local parts mentioned in the text, in order, each once."""
    found = {}
    for token in _inline_tokens(markdown_text):
        if token.type == "text":
            for match in MENTION.finditer(token.content):
                local_part = match.group(1).rstrip(".").lower()
                if local_part:
                    found.setdefault(local_part, None)
    return list(found)[:MAX_MENTIONS]


def mentioned_ids(markdown_text):
    """The user ids of the text's stable mentions, in order, each once."""
    tokens = _inline_tokens(markdown_text)
    found = {token.meta["user_id"]: None for token in tokens if token.type == "mention"}
    return list(found)[:MAX_MENTIONS]


def mentionable(group):
    """The people who may be mentioned in the group: its readers."""
    return access.group_readers(group, User.objects.filter(is_active=True, deleted_at=None))


def _by_local_part(local_parts, group):
    if not local_parts:
        return []
    members = User.objects.filter(
        is_active=True,
        network_memberships__group=group,
        network_memberships__status=MembershipStatus.ACTIVE,
    )
    matching = Q()
    for local_part in local_parts:
        matching |= Q(email__istartswith=f"{local_part}@")
    by_local_part = defaultdict(list)
    for pk, email in members.filter(matching).values_list("pk", "email"):
        by_local_part[email.rsplit("@", 1)[0].lower()].append(pk)
    return [pks[0] for pks in by_local_part.values() if len(pks) == 1]


def mentioned_users(markdown_text, group):
    """The users the text mentions who may read the group: by stable mention, or by a local part
    that is one active member's alone."""
    ids = mentioned_ids(markdown_text) + _by_local_part(mentioned_local_parts(markdown_text), group)
    if not ids:
        return User.objects.none()
    return mentionable(group).filter(pk__in=ids)


def person_url(group, user_id):
    return reverse("network:person", args=[group.slug, user_id])


def render(markdown_text, group_of):
    """A post's HTML: its stable mentions of people who may read the group link to them.
    `group_of()` gives the group, asked only when the text has stable mentions."""
    ids = mentioned_ids(markdown_text)
    people = {}
    if ids:
        group = group_of()
        for user in mentionable(group).filter(pk__in=ids):
            people[user.pk] = (str(user), person_url(group, user.pk))
    return render_markdown(markdown_text, people)


def suggestions(group, typed):
    """Up to MAX_SUGGESTIONS people who may read the group whose name matches what was typed."""
    words = typed.split()[:4]
    if not words:
        return []
    people = mentionable(group)
    for word in words:
        people = people.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
    people = people.select_related("municipality").order_by("first_name", "last_name", "pk")
    return list(people[:MAX_SUGGESTIONS])
