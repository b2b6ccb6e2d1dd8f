"""A group's meetings and who has registered for them.

Registration is the events app's (events.registration): a meeting is a RegistrableEvent, so seats,
the waiting list, promotion on cancel and the confirmation e-mails follow the conference rules.
A meeting always has registration; an empty capacity means no seat limit.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import AbstractQuestion, AbstractRegistration, RegistrableEvent
from network import access, markup
from network.models.groups import Group


class MeetingQuerySet(models.QuerySet):
    def readable_by(self, user):
        return self.filter(group__in=Group.objects.readable_by(user))

    def upcoming(self, now=None):
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")


class Meeting(RegistrableEvent, models.Model):
    # `start` and `end` are named as on EventPage: both are RegistrableEvents.
    group = models.ForeignKey(
        "network.Group",
        verbose_name=_("netværk"),
        on_delete=models.CASCADE,
        related_name="meetings",
    )
    title = models.CharField(_("titel"), max_length=200)
    start = models.DateTimeField(_("starter"))
    end = models.DateTimeField(_("slutter"))
    place = models.CharField(
        _("sted"), max_length=300, blank=True, help_text=_("Adresse og lokale.")
    )
    video_url = models.URLField(
        _("link til videomøde"), blank=True, help_text=_("F.eks. et Teams- eller Zoom-link.")
    )
    agenda_markdown = models.TextField(_("dagsorden"), blank=True)
    agenda_html = models.TextField(editable=False, blank=True)
    material_markdown = models.TextField(_("materiale"), blank=True)
    material_html = models.TextField(editable=False, blank=True)
    capacity = models.PositiveIntegerField(
        _("antal pladser"),
        null=True,
        blank=True,
        help_text=_("Tom: der er ingen grænse for antallet af deltagere."),
    )
    registration_deadline = models.DateTimeField(
        _("tilmeldingsfrist"),
        null=True,
        blank=True,
        help_text=_("Tom: tilmelding er åben, til mødet begynder."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oprettet af"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created = models.DateTimeField(_("oprettet"), default=timezone.now)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("møde")
        verbose_name_plural = _("møder")
        ordering = ["start", "pk"]
        indexes = [models.Index(fields=["group", "end"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        """The Markdown is rendered and sanitised once, as a post's is."""
        self.agenda_html = markup.render(self.agenda_markdown)
        self.material_html = markup.render(self.material_markdown)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("network:meeting", args=[self.group.slug, self.pk])

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("Mødet skal slutte, efter det er begyndt.")
        if self.registration_deadline and self.start and self.registration_deadline > self.start:
            errors["registration_deadline"] = _(
                "Tilmeldingsfristen skal ligge, før mødet begynder."
            )
        if not self.place and not self.video_url:
            errors["place"] = _("Angiv et sted, et link til videomødet eller begge.")
        if errors:
            raise ValidationError(errors)

    @property
    def location(self):
        return self.place or self.video_url

    @property
    def event_url(self):
        return self.get_absolute_url()

    @property
    def calendar_url(self):
        return reverse("network:meeting_calendar", args=[self.group.slug, self.pk])

    @property
    def ical_uid(self):
        """Stable for the life of the meeting, so calendars update the meeting they hold."""
        return f"network-meeting-{self.pk}@tilsynsportalen.dk"

    def attendance_refusal(self, user):
        """Only the group's active members take part; others join the group first."""
        if access.may_post(user, self.group):
            return None
        return _(
            "Kun netværkets medlemmer kan tilmelde sig møderne. Bliv medlem af netværket først."
        )


class MeetingQuestion(AbstractQuestion):
    event = models.ForeignKey(
        Meeting, verbose_name=_("møde"), on_delete=models.CASCADE, related_name="questions"
    )

    class Meta:
        verbose_name = _("spørgsmål")
        verbose_name_plural = _("spørgsmål")
        ordering = ["pk"]


class MeetingRegistration(AbstractRegistration):
    event = models.ForeignKey(
        Meeting, verbose_name=_("møde"), on_delete=models.CASCADE, related_name="registrations"
    )

    kind = "moede"

    @classmethod
    def mine(cls, user):
        """Registrations to meetings of groups the user may still read."""
        return cls.objects.filter(
            user=user, event__in=Meeting.objects.readable_by(user)
        ).select_related("event__group")

    class Meta(AbstractRegistration.Meta):
        verbose_name = _("mødetilmelding")
        verbose_name_plural = _("mødetilmeldinger")

    def __str__(self):
        return f"{self.user} – {self.event} ({self.get_status_display()})"
