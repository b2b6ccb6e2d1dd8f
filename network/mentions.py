"""@mentions: `@local-part`, where local-part is what comes before "@" in the e-mail address of an
active member of the thread's group. A local part two members share names nobody, and code
(`@x` in backticks or code blocks) mentions no one."""

import re
from collections import defaultdict

from django.db.models import Q

from network import access
from network.choices import MembershipStatus
from network.markup import _markdown
from portal.models import User

# Not after a word character, "@", "." or "-", so an e-mail address in the text is no mention.
MENTION = re.compile(r"(?<![\w@.-])@([\w.-]+)")
MAX_MENTIONS = 50


def _text_outside_code(markdown_text):
    for block in _markdown.parse(markdown_text or ""):
        for token in block.children or ():
            if token.type == "text":
                yield token.content


def mentioned_local_parts(markdown_text):
    """The lower-cased local parts mentioned in the text, in order, each once."""
    found = {}
    for text in _text_outside_code(markdown_text):
        for match in MENTION.finditer(text):
            local_part = match.group(1).rstrip(".").lower()
            if local_part:
                found.setdefault(local_part, None)
    return list(found)[:MAX_MENTIONS]


def mentioned_users(markdown_text, group):
    """The users the text mentions: active members of the group, whose e-mail's local part is
    theirs alone among the members, who may read the group."""
    local_parts = mentioned_local_parts(markdown_text)
    if not local_parts:
        return User.objects.none()
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
    unique = [pks[0] for local_part, pks in by_local_part.items() if len(pks) == 1]
    return access.group_readers(group, User.objects.filter(pk__in=unique))
