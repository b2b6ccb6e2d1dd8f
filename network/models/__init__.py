from .groups import Group, Membership
from .posts import PostRevision, Reply, Thread

__all__ = ["Group", "Membership", "PostRevision", "Reply", "Thread"]
