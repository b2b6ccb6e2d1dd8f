"""What happened around the demo posts: the demo member's follows and notifications, an open
report and a hidden reply, so the notification centre and the moderation pages show something.

Notifications are made by network.notifications, as if each post had just been written, but dated
as the post and marked as e-mailed already, so neither the worker nor a digest sends them. A
post that has notifications, a report or a moderator's action already is left alone, and so is a
database loaded before the reported and hidden replies were written.
"""

from datetime import timedelta

from network import following, moderation, reporting
from network.choices import MembershipStatus
from network.models import ModerationAction, Notification, Report
from network.notifications import notify_about

from . import content
from .posts import find_post

READ_AFTER = timedelta(hours=20)
REPORTED_AFTER = timedelta(hours=3)
HIDDEN_AFTER = timedelta(hours=5)


def load_activity(people, now):
    """The activity of `content/activity.yaml`."""
    activity = content.activity()
    member = people[activity["follower"]]
    _follow(member, activity["followed_threads"])
    _notify(member, activity["notified"], now)
    _report(people, activity["reported"], now)
    _hide(people, activity["hidden"], now)


def _post(spec):
    return find_post(spec["group"], spec["thread"], spec.get("reply"))


def _follow(member, threads):
    for membership in member.network_memberships.filter(status=MembershipStatus.ACTIVE):
        following.follow(member, membership.group)
    for spec in threads:
        following.follow(member, _post(spec))


def _notify(member, notified, now):
    posts = []
    for spec in notified:
        post, is_reply = _post(spec), spec.get("reply") is not None
        earlier = post.notifications if is_reply else post.notifications.filter(reply=None)
        if not earlier.exists():
            posts.append((post, is_reply, spec["read"]))
    for post, is_reply, read in sorted(posts, key=lambda item: item[0].created):
        made = notify_about(post.thread, post) if is_reply else notify_about(post)
        sent = Notification.objects.filter(pk__in=[n.pk for n in made])
        sent.update(emailed_at=post.created)
        if read:
            sent.filter(recipient=member).update(read_at=min(post.created + READ_AFTER, now))


def _report(people, reported, now):
    for spec in reported:
        post = _post(spec)
        if post is None or post.reports.exists():
            continue
        report = reporting.report(
            people[spec["by"]], post, reason=spec["reason"], details=spec["details"]
        )
        Report.objects.filter(pk=report.pk).update(created=min(post.created + REPORTED_AFTER, now))


def _hide(people, hidden, now):
    for spec in hidden:
        post = _post(spec)
        if post is None or post.is_hidden or ModerationAction.objects.filter(reply=post).exists():
            continue
        moderation.hide(people[spec["by"]], post, spec["reason"])
        when = min(post.created + HIDDEN_AFTER, now)
        type(post).objects.filter(pk=post.pk).update(hidden_at=when)
        ModerationAction.objects.filter(reply=post).update(created=when)
