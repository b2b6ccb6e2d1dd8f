"""What registration needs of an event and of a registration: a conference page (guidance) and a
network meeting (network) are both RegistrableEvents with a subclass of AbstractRegistration, so
they share one set of rules (events.registration)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RegistrableEvent:
    """What events.registration needs of an event, so a page and a network meeting share its
    rules. A subclass has `title`, `start`, `end`, `capacity` (None: no seat limit),
    `registration_deadline`, `location`, `ical_uid`, a `registrations` relation to a subclass of
    AbstractRegistration, and may have `full_url` (linked from e-mails and calendars)."""

    has_registration = True

    def has_started(self, now=None):
        return self.start <= (now or timezone.now())

    def deadline_passed(self, now=None):
        return bool(self.registration_deadline) and self.registration_deadline < (
            now or timezone.now()
        )

    @property
    def registration_open(self):
        return self.has_registration and not self.has_started() and not self.deadline_passed()

    @property
    def spans_days(self):
        return timezone.localdate(self.start) != timezone.localdate(self.end)

    def attendance_refusal(self, user):
        """None if the user may take part; otherwise why not, for the reader. Asked when they
        register and again before each e-mail about their registration is sent."""
        return None


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Tilmeldt")
    WAITING = "waiting", _("På venteliste")
    CANCELLED = "cancelled", _("Afmeldt")


class AbstractRegistration(models.Model):
    """A user's place at something with limited seats; subclasses add an `event` foreign key.

    events.registration works on any subclass, so a network meeting can reuse the rules.
    """

    Status = RegistrationStatus

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bruger"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=RegistrationStatus.choices, db_index=True
    )
    created = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated = models.DateTimeField(_("ændret"), auto_now=True)

    class Meta:
        abstract = True
        ordering = ["created", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=~Q(status=RegistrationStatus.CANCELLED),
                name="%(app_label)s_%(class)s_one_active_per_user",
            )
        ]

    @property
    def is_confirmed(self):
        return self.status == RegistrationStatus.CONFIRMED

    @property
    def is_waiting(self):
        return self.status == RegistrationStatus.WAITING
