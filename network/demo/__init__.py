"""Demo content for the networks: six groups of every kind, their people, threads and replies,
attachments, document libraries and meetings, and the follows, notifications and moderation
around them.

The texts live in one folder per group under `content/`, read by `content`; `groups`, `people`,
`posts`, `sharing` and `meetings` turn them into rows, `activity` adds what happened around them.
Safe to run again: nothing that exists is created twice or changed.
"""

from django.utils import timezone

from . import content
from .activity import load_activity
from .groups import load_group
from .meetings import load_meetings
from .people import load_people
from .posts import load_threads
from .sharing import load_attachments, load_documents


def load():
    """Load the demo networks; times are counted back from now, so the demo looks current."""
    now = timezone.now().replace(second=0, microsecond=0)
    people = load_people()
    for texts in content.groups():
        group = load_group(texts.group, people, now)
        load_threads(group, texts.threads, people, now)
        load_attachments(group, texts.attachments)
        load_documents(group, texts.documents, people, now)
        load_meetings(group, texts.meetings, people, now)
    load_activity(people, now)
