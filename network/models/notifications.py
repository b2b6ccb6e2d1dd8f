"""Following groups and threads, the notifications that follow from it, and e-mail opt-outs."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network import access
from network.models.groups import Group


class Follow(models.Model):
    """A user follows a group (new threads) or a thread (new replies); never both in one row."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_follows"
    )
    group = models.ForeignKey(
        "network.Group", null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    thread = models.ForeignKey(
        "network.Thread", null=True, blank=True, on_delete=models.CASCADE, related_name="follows"
    )
    created = models.DateTimeField(_("oprettet"), default=timezone.now)

    class Meta:
        verbose_name = _("følger")
        verbose_name_plural = _("følgere")
        constraints = [
            models.CheckConstraint(
                condition=Q(group__isnull=False, thread__isnull=True)
                | Q(group__isnull=True, thread__isnull=False),
                name="network_follow_one_target",
            ),
            models.UniqueConstraint(fields=["user", "group"], name="network_follow_group_once"),
            models.UniqueConstraint(fields=["user", "thread"], name="network_follow_thread_once"),
        ]

    def __str__(self):
        return f"{self.user} → {self.group or self.thread}"


class NotificationKind(models.TextChoices):
    NEW_THREAD = "new_thread", _("Ny tråd i et netværk, du følger")
    REPLY = "reply", _("Nyt svar i en tråd, du følger")
    MENTION = "mention", _("Du er nævnt")


class NotificationQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The user's notifications about live posts (neither deleted nor hidden by a moderator) in
        groups they may read now."""
        return self.filter(
            Q(reply=None) | Q(reply__deleted_at=None, reply__hidden_at=None),
            recipient=user,
            thread__group__in=access.readable_groups(user, Group.objects.all()),
            thread__deleted_at=None,
            thread__hidden_at=None,
        )

    def deliverable_to(self, user):
        """Visible notifications whose reason still holds: the user still follows the group or
        thread (a mention needs no following)."""
        follows = Follow.objects.filter(user=user)
        return self.visible_to(user).filter(
            Q(kind=NotificationKind.MENTION)
            | Q(
                kind=NotificationKind.NEW_THREAD,
                thread__group__in=follows.filter(group__isnull=False).values("group"),
            )
            | Q(
                kind=NotificationKind.REPLY,
                thread__in=follows.filter(thread__isnull=False).values("thread"),
            )
        )


class Notification(models.Model):
    """Something happened that the recipient follows or was mentioned in."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_notifications"
    )
    kind = models.CharField(_("type"), max_length=20, choices=NotificationKind.choices)
    thread = models.ForeignKey(
        "network.Thread", on_delete=models.CASCADE, related_name="notifications"
    )
    reply = models.ForeignKey(
        "network.Reply",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    created = models.DateTimeField(_("oprettet"), default=timezone.now)
    read_at = models.DateTimeField(_("læst"), null=True, blank=True)
    # Set when the notification went out by e-mail, alone or in a digest.
    emailed_at = models.DateTimeField(_("sendt som e-mail"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notifikation")
        verbose_name_plural = _("notifikationer")
        ordering = ["-created", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "-created"]),
            models.Index(
                fields=["recipient"], condition=Q(read_at=None), name="network_unread_notification"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.thread} → {self.recipient}"

    @property
    def post(self):
        return self.reply or self.thread


class EmailOptOut(models.Model):
    """The user followed an unsubscribe link for all e-mail from the networks."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_email_opt_out"
    )
    created = models.DateTimeField(_("oprettet"), default=timezone.now)

    class Meta:
        verbose_name = _("framelding af e-mail fra netværk")
        verbose_name_plural = _("frameldinger af e-mail fra netværk")

    def __str__(self):
        return str(self.user)
