"""Reading notifications: which ones a user sees, which may still be e-mailed, and marking them
read. Everything goes through the access policy as it stands when asked, so a notification from
a group the user can no longer read is neither shown nor sent."""

from django.db.models import Q
from django.utils import timezone

from network import access
from network.models import Follow, Group, Notification, NotificationKind


def visible_to(user):
    """The user's notifications about live posts (neither deleted nor hidden by a moderator) in
    groups they may read now."""
    return Notification.objects.filter(
        Q(reply=None) | Q(reply__deleted_at=None, reply__hidden_at=None),
        recipient=user,
        thread__group__in=access.readable_groups(user, Group.objects.all()),
        thread__deleted_at=None,
        thread__hidden_at=None,
    )


def deliverable_to(user):
    """Visible notifications whose reason still holds: the user still follows the group or
    thread (a mention needs no following)."""
    follows = Follow.objects.filter(user=user)
    return visible_to(user).filter(
        Q(kind=NotificationKind.MENTION)
        | Q(
            kind=NotificationKind.NEW_THREAD,
            thread__group__in=follows.filter(group__isnull=False).values("group"),
        )
        | Q(
            kind=NotificationKind.REPLY,
            thread__in=follows.filter(thread__isnull=False).values("thread"),
        )
    )


def unread_count(user):
    """For the site header: one query."""
    if not user.is_authenticated:
        return 0
    return visible_to(user).filter(read_at=None).count()


def mark_read(notifications):
    notifications.filter(read_at=None).update(read_at=timezone.now())
