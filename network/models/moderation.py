"""Reports of posts to a group's moderators, and the log of what moderators did."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

ONE_POST = Q(thread__isnull=False, reply__isnull=True) | Q(thread__isnull=True, reply__isnull=False)


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam eller reklame")
    OFFENSIVE = "offensive", _("Krænkende eller chikanerende")
    PERSONAL_DATA = "personal_data", _("Indeholder personoplysninger, der ikke hører hjemme her")
    OFF_TOPIC = "off_topic", _("Hører ikke til i netværket")
    OTHER = "other", _("Andet")


class ReportOutcome(models.TextChoices):
    HIDDEN = "hidden", _("Indlægget blev skjult")
    DISMISSED = "dismissed", _("Afvist")


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at=None)


class Report(models.Model):
    """A reader's report of a thread's opening post or a reply; open until a moderator hides the
    post or dismisses the reports on it."""

    group = models.ForeignKey(
        "network.Group", verbose_name=_("netværk"), on_delete=models.CASCADE, related_name="+"
    )
    thread = models.ForeignKey(
        "network.Thread", null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    reply = models.ForeignKey(
        "network.Reply", null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    # Kept, without the name, when the reporter deletes their account: the post still needs a look.
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("anmeldt af"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.CharField(_("årsag"), max_length=20, choices=ReportReason.choices)
    details = models.TextField(_("uddybning"), blank=True)
    created = models.DateTimeField(_("anmeldt"), default=timezone.now)
    resolved_at = models.DateTimeField(_("afgjort"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgjort af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    outcome = models.CharField(
        _("afgørelse"), max_length=10, choices=ReportOutcome.choices, blank=True
    )

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("anmeldelse")
        verbose_name_plural = _("anmeldelser")
        ordering = ["created", "pk"]
        indexes = [
            models.Index(
                fields=["group", "created"],
                condition=Q(resolved_at=None),
                name="network_open_reports",
            )
        ]
        constraints = [
            models.CheckConstraint(condition=ONE_POST, name="network_report_of_one_post"),
            models.UniqueConstraint(
                fields=["reporter", "thread"],
                condition=Q(resolved_at=None, thread__isnull=False),
                name="network_one_open_report_per_thread",
            ),
            models.UniqueConstraint(
                fields=["reporter", "reply"],
                condition=Q(resolved_at=None, reply__isnull=False),
                name="network_one_open_report_per_reply",
            ),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.thread or self.reply})"

    @property
    def post(self):
        return self.thread or self.reply


class ModerationKind(models.TextChoices):
    HIDE = "hide", _("Skjulte et indlæg")
    RESTORE = "restore", _("Viste et skjult indlæg igen")
    DISMISS = "dismiss", _("Afviste anmeldelser af et indlæg")
    PIN = "pin", _("Fastgjorde en tråd")
    UNPIN = "unpin", _("Fjernede fastgørelsen af en tråd")
    LOCK = "lock", _("Låste en tråd")
    UNLOCK = "unlock", _("Låste en tråd op")
    SOLUTION = "solution", _("Markerede et svar som løsning")
    UNSOLUTION = "unsolution", _("Fjernede et svar som løsning")
    REMOVE = "remove", _("Fjernede et medlem")
    BAN = "ban", _("Udelukkede en person")
    LIFT_BAN = "lift_ban", _("Ophævede en udelukkelse")
    APPROVE = "approve", _("Godkendte en anmodning om medlemskab")
    REJECT = "reject", _("Afviste en anmodning om medlemskab")
    INVITE = "invite", _("Inviterede en person")
    MODERATOR_ADDED = "mod_added", _("Gjorde en person til moderator")
    MODERATOR_REMOVED = "mod_removed", _("Fjernede en moderator")
    KIND_CHANGED = "kind_changed", _("Ændrede netværkets type")


class ModerationAction(models.Model):
    """One thing a moderator did in a group, shown to the group's moderators in its log."""

    group = models.ForeignKey(
        "network.Group",
        verbose_name=_("netværk"),
        on_delete=models.CASCADE,
        related_name="moderation_actions",
    )
    # The user row outlives an account's deletion (anonymised), so the log keeps who acted.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(_("handling"), max_length=12, choices=ModerationKind.choices)
    thread = models.ForeignKey(
        "network.Thread", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reply = models.ForeignKey(
        "network.Reply", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("begrundelse"), blank=True)
    created = models.DateTimeField(_("tidspunkt"), default=timezone.now)

    class Meta:
        verbose_name = _("moderatorhandling")
        verbose_name_plural = _("moderatorhandlinger")
        ordering = ["-created", "-pk"]
        indexes = [models.Index(fields=["group", "-created"])]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.created:%Y-%m-%d %H:%M})"
