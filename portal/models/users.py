from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Workplace(models.TextChoices):
    MUNICIPALITY = "municipality", _("Kommune")
    STYRELSEN = "styrelsen", _("Bolig- og Planstyrelsen")
    OTHER = "other", _("Anden organisation")


class NotificationFrequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("Med det samme")
    DAILY = "daily", _("Dagligt sammendrag")
    WEEKLY = "weekly", _("Ugentligt sammendrag")
    NEVER = "never", _("Aldrig")


class User(AbstractUser):
    """The portal's user and profile; e-mail is unique because allauth logs in by e-mail."""

    email = models.EmailField(_("e-mail"), unique=True)
    title = models.CharField(_("stilling"), max_length=120, blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    workplace = models.CharField(
        _("arbejdsplads"), max_length=20, choices=Workplace.choices, default=Workplace.OTHER
    )
    municipality = models.ForeignKey(
        "portal.Municipality",
        verbose_name=_("kommune"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
    )
    is_lead_caseworker = models.BooleanField(
        _("ledende sagsbehandler"),
        default=False,
        help_text=_("Må godkende anmodninger om sagsbehandleradgang i sin egen kommune."),
    )
    notification_frequency = models.CharField(
        _("e-mail om aktivitet"),
        max_length=20,
        choices=NotificationFrequency.choices,
        default=NotificationFrequency.DAILY,
    )
    deleted_at = models.DateTimeField(_("slettet"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("bruger")
        verbose_name_plural = _("brugere")

    def __str__(self):
        if self.deleted_at:
            return str(_("Slettet bruger"))
        return self.get_full_name() or self.email
