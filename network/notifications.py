"""Notifications: made when a thread or reply is posted, counted and marked read; e-mail resumed.

Made in the transaction that saves the post: the author follows the thread; so does everyone the
post mentions, and everyone an edit newly mentions (told once per post). Followers of the group (a new thread) or of the thread (a reply), and the
mentioned, are notified, never the author, and only those who may read the group at this
moment. E-mail goes out after the commit. Which notifications a user sees, and which may still be
e-mailed, are `Notification.objects.visible_to(user)` and `deliverable_to(user)`: they ask the
access policy as it stands when asked, so a notification from a group the user can no longer
read is neither shown nor sent."""

from django.db.models import Q
from django.utils import timezone

from network import access, emails, following, unread
from network.mentions import mentioned_users
from network.models import EmailOptOut, Follow, Notification, NotificationKind
from portal.models import User
from portal.models.users import NotificationFrequency


def unread_count(user):
    """For the site header: cached per user (`network/unread.py`), else one query."""
    if not user.is_authenticated:
        return 0
    return unread.cached(
        user,
        "unread",
        lambda user: Notification.objects.visible_to(user).filter(read_at=None).count(),
    )


def mark_read(notifications):
    unread_ones = notifications.filter(read_at=None)
    unread.forget(unread_ones.values_list("recipient", flat=True).distinct())
    unread_ones.update(read_at=timezone.now())


def resume_email(user):
    """The user wants the networks' e-mail again: their opt-out from all of it goes."""
    EmailOptOut.objects.filter(user=user).delete()


def _notify(recipients, thread, reply, created, kind_of):
    """Make a notification for each (pk, frequency) and e-mail the immediate ones after commit."""
    made = Notification.objects.bulk_create(
        Notification(recipient_id=pk, kind=kind_of(pk), thread=thread, reply=reply, created=created)
        for pk, _ in recipients
    )
    unread.forget(pk for pk, _ in recipients)
    immediate = {
        pk for pk, frequency in recipients if frequency == NotificationFrequency.IMMEDIATELY
    }
    emails.enqueue_immediate([n.pk for n in made if n.recipient_id in immediate])
    return made


def _readers(group, candidates):
    return list(access.group_readers(group, candidates).values_list("pk", "notification_frequency"))


def notify_about(thread, reply=None):
    """Notify those the new thread or reply concerns, in the transaction that saves it."""
    post = reply or thread
    group = thread.group
    mentioned = set(mentioned_users(post.body_markdown, group).values_list("pk", flat=True))
    mentioned.discard(post.author_id)
    following.follow_thread([post.author_id, *mentioned], thread)
    followers = Follow.objects.filter(**({"thread": thread} if reply else {"group": group}))
    candidates = User.objects.filter(
        Q(pk__in=followers.values("user")) | Q(pk__in=mentioned), is_active=True
    ).exclude(pk=post.author_id)
    usual_kind = NotificationKind.REPLY if reply else NotificationKind.NEW_THREAD
    return _notify(
        _readers(group, candidates),
        thread,
        reply,
        post.created,
        lambda pk: NotificationKind.MENTION if pk in mentioned else usual_kind,
    )


def notify_new_mentions(thread, reply, old_markdown):
    """After an edit, notify those the new text mentions and the old did not, each once per post:
    never someone already told they were mentioned in it."""
    post = reply or thread
    group = thread.group
    before = mentioned_users(old_markdown, group).values("pk")
    told = Notification.objects.filter(
        thread=thread, reply=reply, kind=NotificationKind.MENTION
    ).values("recipient")
    added = (
        mentioned_users(post.body_markdown, group)
        .exclude(pk=post.author_id)
        .exclude(pk__in=before)
        .exclude(pk__in=told)
    )
    recipients = list(added.values_list("pk", "notification_frequency"))
    following.follow_thread([pk for pk, _ in recipients], thread)
    return _notify(recipients, thread, reply, timezone.now(), lambda pk: NotificationKind.MENTION)
