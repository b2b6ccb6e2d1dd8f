"""The list of networks' entries, shared by every reader: each group's link, kind, member count
and description, rendered once per network generation and language for all groups.

A reader's list is made of the groups the access policy lists for them (one query, with their
own membership and unread threads); only those groups' entries are taken from here, so a secret
group's entry never reaches anyone it is not listed for.
"""

from django.template.loader import render_to_string

from network import fragments
from network.models import Group

TEMPLATE = "network/group_entry.html"
# Where the reader's own part (their membership, unread threads) goes in an entry.
READER_PART = "<!--reader-->"


def shared_entries():
    """{group pk: (HTML before the reader's part, HTML after it)} for every group."""
    key = fragments.key("group-entries", *fragments.network_stamp())
    return fragments.get_or_render(key, _render)


def _render():
    entries = {}
    for group in Group.objects.with_member_count().order_by("name"):
        html = render_to_string(TEMPLATE, {"group": group, "reader_part": READER_PART})
        head, tail = html.split(READER_PART)
        entries[group.pk] = (head, tail)
    return entries
