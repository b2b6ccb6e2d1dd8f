from .admission import BannedAddress, MembershipRequest
from .files import Attachment, GroupDocument
from .groups import Group, Membership
from .meetings import Meeting, MeetingQuestion, MeetingRegistration
from .moderation import ModerationAction, ModerationKind, Report, ReportOutcome, ReportReason
from .notifications import EmailOptOut, Follow, Notification, NotificationKind
from .posts import PostRevision, Reply, Thread
from .reading import ThreadVisit

__all__ = [
    "Attachment",
    "BannedAddress",
    "EmailOptOut",
    "Follow",
    "Group",
    "GroupDocument",
    "Meeting",
    "MeetingQuestion",
    "MeetingRegistration",
    "Membership",
    "MembershipRequest",
    "ModerationAction",
    "ModerationKind",
    "Notification",
    "NotificationKind",
    "PostRevision",
    "Reply",
    "Report",
    "ReportOutcome",
    "ReportReason",
    "Thread",
    "ThreadVisit",
]
