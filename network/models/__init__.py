from .files import Attachment, GroupDocument
from .groups import Group, Membership
from .posts import PostRevision, Reply, Thread

__all__ = ["Attachment", "Group", "GroupDocument", "Membership", "PostRevision", "Reply", "Thread"]
