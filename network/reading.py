"""What a member has not read yet, as expressions the database evaluates for many threads at once.

A thread is unread for an active member when someone else wrote, after the member joined, its
opening post (which they have never opened) or a reply past the one they last saw. Deleted and
hidden posts, and the member's own, are never unread. What was written before the member joined
is taken as read, so joining a group with a long history does not flood them with unread threads.
"""

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import Coalesce
from django.utils import timezone

from network import fragments
from network.choices import MembershipStatus
from network.models import Membership, Reply, Thread, ThreadVisit
from network.models.counting import correlated_count

VISIBLE = Q(deleted_at=None, hidden_at=None)
REPLIES_PER_PAGE = 25


def _joined_before(user, group, created):
    return Exists(
        Membership.objects.filter(
            group=group, user=user, status=MembershipStatus.ACTIVE, joined_at__lt=created
        )
    )


def _newer_replies(user, thread, read_up_to):
    """Visible replies by others in `thread` past `read_up_to`, written since the user joined."""
    return (
        Reply.objects.filter(VISIBLE, thread=thread, pk__gt=Coalesce(read_up_to, 0))
        .exclude(author=user)
        .filter(_joined_before(user, OuterRef("thread__group"), OuterRef("created")))
    )


def unread(user):
    """A condition on Thread querysets: the thread has something the user has not read."""
    visits = ThreadVisit.objects.filter(user=user, thread=OuterRef("pk"))
    read_up_to = Subquery(
        ThreadVisit.objects.filter(user=user, thread=OuterRef(OuterRef("pk"))).values("read_up_to")[
            :1
        ]
    )
    unopened = (
        ~Exists(visits)
        & VISIBLE
        & ~Q(author=user)
        & _joined_before(user, OuterRef("group"), OuterRef("created"))
    )
    return unopened | Exists(_newer_replies(user, OuterRef("pk"), read_up_to))


def with_unread_flag(threads, user):
    return threads.annotate(unread=ExpressionWrapper(Q(unread(user)), output_field=BooleanField()))


def unread_threads_by_group(user):
    """(group id, threads unread for `user`) for each group where they are an active member and
    have unread threads, in one grouped query. A count correlated per listed group made
    PostgreSQL estimate the whole list past its JIT thresholds, and compiling it cost 0.7–2 s
    against some 10 ms of work."""
    active = Membership.objects.filter(user=user, status=MembershipStatus.ACTIVE).values("group")
    unread_threads = Thread.objects.filter(unread(user), group__in=active).order_by()
    return unread_threads.values("group").annotate(n=Count("pk")).values_list("group", "n")


def with_read_state(threads, user):
    """Annotate each thread with how far `user` read it (`read_up_to`, None if never opened) and
    the first unread reply (`first_unread`)."""
    read_up_to = ThreadVisit.objects.filter(user=user, thread=OuterRef("pk")).values("read_up_to")
    first_unread = (
        Reply.objects.filter(
            VISIBLE, thread=OuterRef("pk"), pk__gt=Coalesce(OuterRef("read_up_to"), 0)
        )
        .exclude(author=user)
        .order_by("pk")
        .values("pk")
    )
    return threads.annotate(
        read_up_to=Subquery(read_up_to[:1]), first_unread=Subquery(first_unread[:1])
    )


def _earlier_replies(thread, reply):
    return Reply.objects.filter(thread=thread, pk__lt=reply)


def replies_before(thread, reply_pk):
    """How many replies come before the reply, to find its page: asked only when a reader lands
    on it, not as a third subquery nested in every thread page's query."""
    return _earlier_replies(thread, reply_pk).count()


def replies_before_each(reply_field):
    """`replies_before` for many rows in one query: an expression counting the replies before
    the reply the rows name by `reply_field` (e.g. a report's "reply")."""
    earlier = _earlier_replies(OuterRef(f"{reply_field}__thread"), OuterRef(reply_field))
    return correlated_count(earlier, "thread")


def record_visit(user, thread, reply_pks):
    """The user has seen the thread and the replies `reply_pks`: move their mark forward, never
    back, in one upsert, and not at all when nothing new was seen."""
    seen = max(reply_pks, default=0)
    if thread.read_up_to is not None and seen <= thread.read_up_to:
        return
    ThreadVisit.objects.bulk_create(
        [ThreadVisit(user=user, thread=thread, read_up_to=seen, read_at=timezone.now())],
        update_conflicts=True,
        unique_fields=["user", "thread"],
        update_fields=["read_up_to", "read_at"],
    )
    fragments.reader_read(user.pk)
