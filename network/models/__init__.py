from .groups import Group, Membership
from .moderation import ModerationAction, ModerationKind, Report, ReportOutcome, ReportReason
from .posts import PostRevision, Reply, Thread
from .reading import ThreadVisit

__all__ = [
    "Group",
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
