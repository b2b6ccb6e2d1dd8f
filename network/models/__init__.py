from .files import Attachment, GroupDocument
from .groups import Group, Membership
from .meetings import Meeting, MeetingRegistration
from .moderation import ModerationAction, ModerationKind, Report, ReportOutcome, ReportReason
from .posts import PostRevision, Reply, Thread
from .reading import ThreadVisit

__all__ = [
    "Attachment",
    "Group",
    "GroupDocument",
    "Meeting",
    "MeetingRegistration",
    "Membership",
    "ModerationAction",
    "ModerationKind",
    "PostRevision",
    "Reply",
    "Report",
    "ReportOutcome",
    "ReportReason",
    "Thread",
    "ThreadVisit",
]
