from .groups import Group, Membership
from .meetings import Meeting, MeetingRegistration
from .posts import PostRevision, Reply, Thread

__all__ = [
    "Group",
    "Meeting",
    "MeetingRegistration",
    "Membership",
    "PostRevision",
    "Reply",
    "Thread",
]
