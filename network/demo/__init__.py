"""Demo content for the networks: six groups of every kind, their people, threads and replies,
attachments, document libraries and meetings, and the follows, notifications and moderation
around them.

The texts live in one module per group (`group_*.py`); `groups`, `people`, `posts`, `sharing`
and `meetings` turn them into rows, `activity` adds what happened around them. Safe to run
again: nothing that exists is created twice or changed.
"""

from django.utils import timezone

from . import (
    group_byggesager,
    group_erfa_hovedstaden,
    group_erfa_midtjylland,
    group_oekonomi,
    group_styregruppen,
    group_tilsynsnetvaerket,
)
from .activity import load_activity
from .groups import load_group
from .meetings import load_meetings
from .people import load_people
from .posts import load_threads
from .sharing import load_attachments, load_documents

GROUP_MODULES = [
    group_tilsynsnetvaerket,
    group_erfa_hovedstaden,
    group_erfa_midtjylland,
    group_oekonomi,
    group_byggesager,
    group_styregruppen,
]


def load():
    """Load the demo networks; times are counted back from now, so the demo looks current."""
    now = timezone.now().replace(second=0, microsecond=0)
    people = load_people()
    for module in GROUP_MODULES:
        group = load_group(module.GROUP, people, now)
        load_threads(group, module.THREADS, people, now)
        load_attachments(group, getattr(module, "ATTACHMENTS", ()))
        load_documents(group, getattr(module, "DOCUMENTS", ()), people, now)
        load_meetings(group, getattr(module, "MEETINGS", ()), people, now)
    load_activity(people, now)
