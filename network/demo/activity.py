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

from .posts import find_post

# The demo member (medlem@kommune.dk) follows every group they are active in, and these threads.
FOLLOWER = "mette"
FOLLOWED_THREADS = [("oekonomi-og-regnskab", "henlaeggelser-niveau")]

# (group, thread, reply number or None for the opening post, read by the demo member)
NOTIFIED = [
    ("oekonomi-og-regnskab", "disponibel-bunden", 3, True),  # mentions her by name
    ("byggesager-og-renovering", "renovering-kommunens-sag", 2, True),  # mentions her by name
    ("byggesager-og-renovering", "renovering-kommunens-sag", 3, False),
    ("tilsynsnetvaerket", "fusion-godkendelse", None, False),
    ("oekonomi-og-regnskab", "henlaeggelser-niveau", None, True),
    ("oekonomi-og-regnskab", "henlaeggelser-niveau", 0, False),
    ("oekonomi-og-regnskab", "henlaeggelser-niveau", 2, False),
]

# (group, thread, reply number, reporter, reason, details): reports left for the moderators.
REPORTED = [
    (
        "erfa-region-hovedstaden",
        "faelles-administrator",
        5,
        "maja.kristiansen",
        "offensive",
        "Tonen er for hård, og direktøren kan genkendes af alle i gruppen.",
    ),
]

# (group, thread, reply number, moderator, reason): replies a moderator has hidden.
HIDDEN = [
    (
        "tilsynsnetvaerket",
        "beboerklage-afdelingsmoede",
        5,
        "jakob.steen",
        "Svaret nævnte en beboer ved navn og adresse. Skriv gerne igen uden personoplysninger.",
    ),
]

READ_AFTER = timedelta(hours=20)
REPORTED_AFTER = timedelta(hours=3)
HIDDEN_AFTER = timedelta(hours=5)


def load_activity(people, now):
    _follow(people[FOLLOWER])
    _notify(people[FOLLOWER], now)
    _report(people, now)
    _hide(people, now)


def _follow(member):
    for membership in member.network_memberships.filter(status=MembershipStatus.ACTIVE):
        following.follow(member, membership.group)
    for group_slug, thread_key in FOLLOWED_THREADS:
        following.follow(member, find_post(group_slug, thread_key))


def _notify(member, now):
    posts = []
    for group_slug, thread_key, reply, read in NOTIFIED:
        post = find_post(group_slug, thread_key, reply)
        earlier = post.notifications.filter(reply=None) if reply is None else post.notifications
        if not earlier.exists():
            posts.append((post, reply is not None, read))
    for post, is_reply, read in sorted(posts, key=lambda item: item[0].created):
        made = notify_about(post.thread, post) if is_reply else notify_about(post)
        sent = Notification.objects.filter(pk__in=[n.pk for n in made])
        sent.update(emailed_at=post.created)
        if read:
            sent.filter(recipient=member).update(read_at=min(post.created + READ_AFTER, now))


def _report(people, now):
    for group_slug, thread_key, reply, reporter, reason, details in REPORTED:
        post = find_post(group_slug, thread_key, reply)
        if post is None or post.reports.exists():
            continue
        report = reporting.report(people[reporter], post, reason=reason, details=details)
        Report.objects.filter(pk=report.pk).update(created=min(post.created + REPORTED_AFTER, now))


def _hide(people, now):
    for group_slug, thread_key, reply, moderator, reason in HIDDEN:
        post = find_post(group_slug, thread_key, reply)
        if post is None or post.is_hidden or ModerationAction.objects.filter(reply=post).exists():
            continue
        moderation.hide(people[moderator], post, reason)
        when = min(post.created + HIDDEN_AFTER, now)
        type(post).objects.filter(pk=post.pk).update(hidden_at=when)
        ModerationAction.objects.filter(reply=post).update(created=when)
