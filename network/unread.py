"""A user's notifications as the site header counts them and the notification centre lists them,
cached per user.

Both ask the access policy (`Notification.objects.visible_to`): the count is a query every
signed-in page would otherwise pay, the centre's list another. Each is stored with the networks'
*visibility generation*, the user's own *notification generation* and their roles, and used only
while all three are unchanged. The user's generation moves when their notifications are made,
read or erased, when their memberships change and when they opt out of e-mail or back in; the
visibility generation whenever a group, thread or reply is changed or deleted, since any of those
may change which notifications a user may see. Both happen again when the transaction commits,
so a value taken before the commit does not outlive it; and as the generations are read before
the value is, a value read before a move is never stored under the generations after it.
"""

import time

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from portal.access import role_key
from portal.cache import bump_generation

GENERATION_KEY = "network:visibility-generation"
TIMEOUT = 600


def cached(user, name, compute):
    """`compute(user)` kept for the user under `name`: from the cache (one round trip), or
    computed and kept."""
    key, own = f"network:notifications:{name}:{user.pk}", _own_key(user.pk)
    found = cache.get_many([key, GENERATION_KEY, own])
    stamp = (_started(found, GENERATION_KEY), _started(found, own), role_key(user))
    stored = found.get(key)
    if stored is not None and stored[0] == stamp:
        return stored[1]
    value = compute(user)
    cache.set(key, (stamp, value), TIMEOUT)
    return value


def _started(found, key):
    """The generation at `key`; a missing one is started afresh, unlike any before it."""
    if key not in found:
        cache.add(key, time.time_ns(), timeout=None)
        found[key] = cache.get(key)
    return found[key]


def forget(user_ids):
    """What these users' notifications show changed (made, read or erased, or their e-mail
    choice): their generations start afresh."""
    keys = [_own_key(pk) for pk in set(user_ids)]
    if keys:
        cache.delete_many(keys)
        transaction.on_commit(lambda: cache.delete_many(keys))


def _own_key(user_id):
    return f"network:notifications:generation:{user_id}"


def user_changed(instance, **kwargs):
    """A membership decides what its user may read, an e-mail opt-out what the centre says:
    their notifications only."""
    forget([instance.user_id])


def visibility_changed(created=False, **kwargs):
    """A group, thread or reply changed or went: anyone's notifications may have. A new one
    changes no one's (its notifications are forgotten by those who get them)."""
    if not created:
        bump_generation(GENERATION_KEY)


def connect():
    from network.models import EmailOptOut, Group, Membership, Reply, Thread

    for signal in (post_save, post_delete):
        for model in (Membership, EmailOptOut):
            signal.connect(user_changed, sender=model, dispatch_uid=f"unread-{model.__name__}")
        for model in (Group, Thread, Reply):
            signal.connect(
                visibility_changed, sender=model, dispatch_uid=f"unread-{model.__name__}"
            )
