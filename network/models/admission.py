"""Who may read the networks at all: the Netværksmedlem role, and the requests and bans around it."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MembershipRequest(models.Model):
    """A request for the Netværksmedlem role from someone whose verified address is neither a
    municipality's nor styrelse's; an administrator or a group moderator decides it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Afventer")
        APPROVED = "approved", _("Godkendt")
        REJECTED = "rejected", _("Afvist")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="network_membership_request",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created = models.DateTimeField(_("oprettet"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgjort af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("afgjort"), null=True, blank=True)

    class Meta:
        verbose_name = _("anmodning om netværksadgang")
        verbose_name_plural = _("anmodninger om netværksadgang")
        ordering = ["created", "pk"]

    def __str__(self):
        return f"{self.user} ({self.get_status_display()})"


class BannedAddress(models.Model):
    """A group's ban, kept by a keyed digest of the banned person's normalised address, so that
    deleting the account and signing up again with the address does not lift it."""

    group = models.ForeignKey(
        "network.Group", on_delete=models.CASCADE, related_name="banned_addresses"
    )
    digest = models.CharField(max_length=64)
    created = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["group", "digest"], name="network_ban_once_per_address")
        ]

    def __str__(self):
        return f"{self.group_id}:{self.digest[:8]}"
