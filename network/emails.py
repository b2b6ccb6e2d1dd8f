"""E-mail about network activity: one e-mail per notification, or a daily or weekly digest.

Tasks decide when they run, not when they were queued: the recipient must still be active, want
this kind of e-mail (their frequency, no opt-out), be able to read the group, and still follow
what the notification is about; a deleted post is not sent.
"""

import datetime
from itertools import groupby

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from network.models import Notification, NotificationKind
from network.unsubscribe import Scope, link
from portal.links import public_url
from portal.models import User
from portal.models.users import NotificationFrequency
from portal.task_queue import enqueue_with_transaction

DIGEST_PERIODS = {
    NotificationFrequency.DAILY: datetime.timedelta(days=1),
    NotificationFrequency.WEEKLY: datetime.timedelta(days=7),
}
# A digest covers the period and a day more (a late run loses nothing); no one gets two digests
# within the period less a few hours (a run repeated, or an hour early, sends nothing twice).
DIGEST_OVERLAP = datetime.timedelta(days=1)
DIGEST_GUARD = datetime.timedelta(hours=4)


def email_recipients(users, frequency):
    """Those of `users` who take network e-mail at `frequency` at a verified address."""
    return users.filter(
        is_active=True,
        deleted_at__isnull=True,
        notification_frequency=frequency,
        network_email_opt_out__isnull=True,
        emailaddress__verified=True,
        emailaddress__primary=True,
    ).distinct()


def _open_url(notification):
    return public_url(reverse("network:open_notification", args=[notification.pk]))


def _send(user, subject, template, context, scope, target=None):
    unsubscribe_url = link(user, scope, target)
    context = {
        **context,
        "user": user,
        "unsubscribe_url": unsubscribe_url,
        "unsubscribe_all_url": unsubscribe_url if scope == Scope.ALL else link(user, Scope.ALL),
        "scope": scope,
        "centre_url": public_url(reverse("network:notifications")),
    }
    with translation.override(settings.LANGUAGE_CODE):
        EmailMessage(
            subject,
            render_to_string(template, context),
            to=[user.email],
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        ).send()


def _subject_and_scope(notification):
    thread = notification.thread
    if notification.kind == NotificationKind.MENTION:
        return _("Du er nævnt i »%(title)s«") % {"title": thread.title}, Scope.ALL, None
    if notification.kind == NotificationKind.NEW_THREAD:
        subject = _("Ny tråd i %(group)s: »%(title)s«")
        return subject % {"group": thread.group, "title": thread.title}, Scope.GROUP, thread.group
    return _("Nyt svar i »%(title)s«") % {"title": thread.title}, Scope.THREAD, thread


@task()
def send_notification_email(notification_id: int) -> bool:
    """E-mail one notification now, if it still should be; returns whether it was sent."""
    recipient_id = (
        Notification.objects.filter(pk=notification_id).values_list("recipient", flat=True).first()
    )
    user = email_recipients(
        User.objects.filter(pk=recipient_id), NotificationFrequency.IMMEDIATELY
    ).first()
    if user is None:
        return False
    notification = (
        Notification.objects.deliverable_to(user)
        .filter(pk=notification_id, read_at=None, emailed_at=None)
        .select_related("thread__group", "thread__author", "reply__author")
        .first()
    )
    # Claimed before sending, so a task run twice sends once.
    if notification is None or not _claim([notification.pk]):
        return False
    subject, scope, target = _subject_and_scope(notification)
    _send(
        user,
        subject,
        "network/email/notification.txt",
        {"notification": notification, "url": _open_url(notification)},
        scope,
        target,
    )
    return True


def _claim(notification_ids):
    return Notification.objects.filter(pk__in=notification_ids, emailed_at=None).update(
        emailed_at=timezone.now()
    )


def enqueue_immediate(notification_ids):
    """Queue the e-mail of new notifications with the transaction that made them."""
    for notification_id in notification_ids:
        enqueue_with_transaction(send_notification_email, notification_id)


def users_due_a_digest(frequency, now):
    period = DIGEST_PERIODS[frequency]
    pending = Notification.objects.filter(
        read_at=None, emailed_at=None, created__gte=now - period - DIGEST_OVERLAP
    ).values("recipient")
    recently_emailed = Notification.objects.filter(
        emailed_at__gte=now - period + DIGEST_GUARD
    ).values("recipient")
    return email_recipients(
        User.objects.filter(pk__in=pending).exclude(pk__in=recently_emailed), frequency
    )


def digest_sections(notification_list):
    """[(group, [(thread, [notification, …]), …]), …] from notifications ordered by group
    and thread."""
    return [
        (group, [(thread, list(items)) for thread, items in groupby(rows, lambda n: n.thread)])
        for group, rows in groupby(notification_list, lambda n: n.thread.group)
    ]


def send_digest(user, frequency, now):
    """E-mail the user's unread, not yet e-mailed notifications of the period, grouped by group
    and thread; returns whether anything was sent."""
    pending = list(
        Notification.objects.deliverable_to(user)
        .filter(
            read_at=None,
            emailed_at=None,
            created__gte=now - DIGEST_PERIODS[frequency] - DIGEST_OVERLAP,
        )
        .select_related("thread__group", "thread__author", "reply__author")
        .order_by("thread__group__name", "thread__group_id", "thread_id", "created", "pk")
    )
    if not pending or not _claim([n.pk for n in pending]):
        return False
    subject = (
        _("Dagligt overblik fra netværkene")
        if frequency == NotificationFrequency.DAILY
        else _("Ugentligt overblik fra netværkene")
    )
    for notification in pending:
        notification.url = _open_url(notification)
    _send(
        user,
        subject,
        "network/email/digest.txt",
        {"sections": digest_sections(pending), "count": len(pending)},
        Scope.ALL,
    )
    return True


@task()
def send_digests(frequency: str) -> int:
    """Send the daily or weekly digest to everyone due one; returns how many were sent."""
    now = timezone.now()
    return sum(send_digest(user, frequency, now) for user in users_due_a_digest(frequency, now))
