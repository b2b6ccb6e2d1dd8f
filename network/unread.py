"""The unread-notification count of the site header, cached per user.

Counting asks the access policy (`Notification.objects.visible_to`), a query every signed-in
page would otherwise pay. The count is stored with the user's roles and the networks'
*visibility generation* and used only while both are unchanged. It is forgotten when the user's
notifications are made, read or erased and when their memberships change, and the generation
moves whenever a group, thread or reply is changed or deleted, since any of those may change
which notifications a user may see. Both happen again when the transaction commits, so a count taken before the commit
does not outlive it.
"""

import time

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from portal.access import role_key
from portal.cache import bump_generation

GENERATION_KEY = "network:visibility-generation"
TIMEOUT = 600


def cached_count(user, count):
    """The user's unread count: from the cache (one round trip), or `count(user)` kept."""
    key = _key(user.pk)
    found = cache.get_many([key, GENERATION_KEY])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        generation = time.time_ns()
        cache.add(GENERATION_KEY, generation, timeout=None)
    stamp = (generation, role_key(user))
    stored = found.get(key)
    if stored is not None and stored[:2] == stamp:
        return stored[2]
    value = count(user)
    cache.set(key, (*stamp, value), TIMEOUT)
    return value


def forget(user_ids):
    """The counts of these users changed (notifications made, read or erased)."""
    keys = [_key(pk) for pk in set(user_ids)]
    if keys:
        cache.delete_many(keys)
        transaction.on_commit(lambda: cache.delete_many(keys))


def _key(user_id):
    return f"network:unread:{user_id}"


def membership_changed(instance, **kwargs):
    """A membership decides what its user may read: their count only."""
    forget([instance.user_id])


def visibility_changed(created=False, **kwargs):
    """A group, thread or reply changed or went: anyone's count may have. A new one changes no
    one's (its notifications are forgotten by those who get them)."""
    if not created:
        bump_generation(GENERATION_KEY)


def connect():
    from network.models import Group, Membership, Reply, Thread

    for signal in (post_save, post_delete):
        signal.connect(membership_changed, sender=Membership, dispatch_uid="unread-Membership")
        for model in (Group, Thread, Reply):
            signal.connect(
                visibility_changed, sender=model, dispatch_uid=f"unread-{model.__name__}"
            )
