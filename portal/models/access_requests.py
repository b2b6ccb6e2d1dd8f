from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AccessRequest(models.Model):
    """A user's request to become caseworker for a municipality, decided from a queue."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Afventer")
        APPROVED = "approved", _("Godkendt")
        REJECTED = "rejected", _("Afvist")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="access_requests"
    )
    municipality = models.ForeignKey(
        "portal.Municipality", verbose_name=_("kommune"), on_delete=models.PROTECT
    )
    motivation = models.TextField(_("begrundelse"), max_length=2000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    decided_at = models.DateTimeField(_("afgjort"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgjort af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision_note = models.TextField(_("bemærkning til afgørelsen"), blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("anmodning om sagsbehandleradgang")
        verbose_name_plural = _("anmodninger om sagsbehandleradgang")
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(status="pending"),
                name="one_pending_access_request_per_user",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.municipality}"


class Invitation(models.Model):
    """An administrator's invitation of a person, by e-mail, to a role."""

    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("rolle"), max_length=60)
    municipality = models.ForeignKey(
        "portal.Municipality",
        verbose_name=_("kommune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="accepted_invitations",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitationer")

    def __str__(self):
        return f"{self.email} ({self.role})"
