from .groups import Group, Membership
from .notifications import EmailOptOut, Follow, Notification, NotificationKind
from .posts import PostRevision, Reply, Thread

__all__ = [
    "EmailOptOut",
    "Follow",
    "Group",
    "Membership",
    "Notification",
    "NotificationKind",
    "PostRevision",
    "Reply",
    "Thread",
]
