"""Generations that date the networks' shared fragments (group list, thread list, replies).

Each group has an *activity generation*, moved by any save or delete of the group, its
memberships, threads, replies, attachments, documents and meetings; fragments show names, titles
and municipalities, so they depend on `portal.people`'s *people generation* too; the list of every
group depends on the *network generation*, moved with any group's, and on the people's. A
fragment is stored under the generations it depends on plus what differs per reader (language,
rights), so a change makes new keys and nothing has to be found and deleted. As with
`portal.cache.bump_generation`, each move happens again at commit.

What a reader has not read is theirs alone: it is kept under their own *reading generation*,
moved whenever their read marks move or go, besides the generations of what they read.
"""

import time

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from portal.cache import bump_generation
from portal.people import GENERATION_KEY as PEOPLE_KEY

NETWORK_KEY = "network:fragments:network"
TIMEOUT = 24 * 3600


def _group_key(group_id):
    return f"network:fragments:group:{group_id}"


def generations(*keys):
    """The current value of each generation key, in one round trip; a missing one is started."""
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, time.time_ns(), timeout=None)
            found[key] = cache.get(key)
    return tuple(found[key] for key in keys)


def network_stamp():
    """What the list of every group depends on."""
    return generations(NETWORK_KEY, PEOPLE_KEY)


def group_stamp(group_id):
    """What a group's page and its threads' pages depend on."""
    return generations(_group_key(group_id), PEOPLE_KEY)


def people_stamp():
    """What a fragment naming people depends on besides its own rows."""
    return generations(PEOPLE_KEY)


def reader_stamp(user_id):
    """What a reader's own unread marks depend on besides the groups: how far they read."""
    return generations(_reader_key(user_id))


def reader_read(user_id):
    """The reader's read marks moved or went: their unread marks are kept afresh."""
    bump_generation(_reader_key(user_id))


def _reader_key(user_id):
    return f"network:fragments:reader:{user_id}"


def key(name, *parts):
    """A fragment's cache key: its name, the parts that make it differ, and the language."""
    return f"network:fragment:{name}:" + ":".join(map(str, (*parts, translation.get_language())))


def page_param(value):
    """A page asked for, as a key part: the paginator reads anything but digits as page 1."""
    value = str(value or "")
    return value if value.isdigit() and len(value) < 8 else "1"


def get_or_render(fragment_key, render):
    """The cached value under `fragment_key`, or `render()` stored there."""
    value = cache.get(fragment_key)
    if value is None:
        value = render()
        cache.set(fragment_key, value, TIMEOUT)
    return value


def group_changed(group_id):
    bump_generation(_group_key(group_id))
    bump_generation(NETWORK_KEY)


def _group_of(instance):
    """The id of the group a changed row belongs to (a related row already loaded is used, else
    one query), or None when its thread is gone, whose own deletion moved the generation."""
    from network.models import Reply, Thread

    if hasattr(instance, "group_id"):
        return instance.group_id
    for field, model in (("thread", Thread), ("reply", Reply)):
        related_id = getattr(instance, f"{field}_id", None)
        if related_id is None:
            continue
        cached = instance._state.fields_cache.get(field)
        if cached is not None:
            return _group_of(cached)
        related = model.objects.filter(pk=related_id).first()
        return related and _group_of(related)
    return None


def _row_changed(sender, instance, **kwargs):
    group_id = instance.pk if sender.__name__ == "Group" else _group_of(instance)
    if group_id is not None:
        group_changed(group_id)


def connect():
    from network.models import (
        Attachment,
        Group,
        GroupDocument,
        Meeting,
        Membership,
        Reply,
        Thread,
    )

    for signal in (post_save, post_delete):
        for model in (Group, Membership, Thread, Reply, Attachment, GroupDocument, Meeting):
            signal.connect(_row_changed, sender=model, dispatch_uid=f"fragments-{model.__name__}")
