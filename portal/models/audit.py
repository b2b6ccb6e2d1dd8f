from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """A security event: log-ins, lock-outs, MFA and role changes, access decisions, and who
    viewed or exported confidential key figures."""

    class Kind(models.TextChoices):
        LOGIN = "login", _("Log-ind")
        LOGIN_FAILED = "login_failed", _("Mislykket log-ind")
        LOCKOUT = "lockout", _("Spærret efter for mange forsøg")
        LOGOUT = "logout", _("Log-ud")
        MFA_ADDED = "mfa_added", _("Totrinsbekræftelse tilføjet")
        MFA_REMOVED = "mfa_removed", _("Totrinsbekræftelse fjernet")
        ROLE_GRANTED = "role_granted", _("Rolle tildelt")
        ROLE_REVOKED = "role_revoked", _("Rolle fjernet")
        ACCESS_REQUESTED = "access_requested", _("Adgang anmodet")
        ACCESS_DECIDED = "access_decided", _("Anmodning om adgang afgjort")
        INVITATION_SENT = "invitation_sent", _("Invitation sendt")
        ACCOUNT_DELETED = "account_deleted", _("Konto slettet")
        DATA_EXPORTED = "data_exported", _("Egne data hentet")
        REFUSED = "refused", _("Forespørgsel afvist")
        EMAIL_CHANGED = "email_changed", _("E-mailadresse ændret")
        EMAIL_CHANGE_REQUESTED = (
            "email_change_requested",
            _("Ny e-mailadresse afventer bekræftelse"),
        )
        GROUP_CHANGED_FROM_OUTSIDE = (
            "group_changed_from_outside",
            _("Gruppens medlemmer ændret udefra"),
        )
        MONITORING_VIEWED = "monitoring_viewed", _("Nøgletal vist")
        MONITORING_EXPORTED = "monitoring_exported", _("Monitoreringsdata eksporteret")
        NOTE_WRITTEN = "note_written", _("Notat fra styrelsen skrevet")
        NOTE_VIEWED = "note_viewed", _("Notat fra styrelsen læst")
        NOTE_ANSWERED = "note_answered", _("Notat fra styrelsen besvaret")

    created_at = models.DateTimeField(_("tidspunkt"), auto_now_add=True, db_index=True)
    kind = models.CharField(_("hændelse"), max_length=30, choices=Kind.choices, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("udført af"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vedrører"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_events",
    )
    ip_address = models.GenericIPAddressField(_("IP-adresse"), null=True, blank=True)
    details = models.JSONField(_("detaljer"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("sikkerhedshændelse")
        verbose_name_plural = _("sikkerhedshændelser")

    def __str__(self):
        return f"{self.get_kind_display()} {self.created_at:%Y-%m-%d %H:%M}"
