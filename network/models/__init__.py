from .files import Attachment, GroupDocument
from .groups import Group, Membership
from .meetings import Meeting, MeetingRegistration
from .posts import PostRevision, Reply, Thread

__all__ = [
    "Attachment",
    "Group",
    "GroupDocument",
    "Meeting",
    "MeetingRegistration",
    "Membership",
    "PostRevision",
    "Reply",
    "Thread",
]
