"""Conferences and other events, their programme and speakers, and who has registered."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageViewRestriction
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from events.models import AbstractQuestion, AbstractRegistration, RegistrableEvent
from events.views import registration_context
from portal.blocks import BODY_BLOCKS
from portal.models import BasePage


@register_snippet
class Speaker(index.Indexed, models.Model):
    """A person on an event's programme, kept once and reused across events."""

    name = models.CharField(_("navn"), max_length=150)
    role = models.CharField(_("titel eller rolle"), max_length=150, blank=True)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    bio = models.TextField(
        _("kort præsentation"),
        max_length=600,
        blank=True,
        help_text=_("To til tre sætninger om oplægsholderen."),
    )
    photo = models.ForeignKey(
        "portal.PortalImage",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("bio"),
        FieldPanel("photo"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("organisation"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("oplægsholder")
        verbose_name_plural = _("oplægsholdere")

    def __str__(self):
        return f"{self.name}, {self.organisation}" if self.organisation else self.name


class EventIndexPage(BasePage):
    """Conferences and events: upcoming first, then those already held."""

    parent_page_types = ["portal.HomePage"]
    subpage_types = ["guidance.EventPage"]
    max_count = 1

    class Meta:
        verbose_name = _("arrangementsoversigt")

    def events(self):
        return EventPage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["upcoming_events"] = self.events().filter(end__gte=now).order_by("start", "pk")
        context["past_events"] = self.events().filter(end__lt=now).order_by("-start", "-pk")
        return context


class EventPage(RegistrableEvent, BasePage):
    """A conference or other event, with a programme and, when it has a capacity, registration."""

    start = models.DateTimeField(_("starter"))
    end = models.DateTimeField(_("slutter"))
    venue_name = models.CharField(_("sted"), max_length=200)
    venue_address = models.CharField(_("adresse"), max_length=300, blank=True)
    online_note = models.CharField(
        _("deltagelse online"),
        max_length=300,
        blank=True,
        help_text=_("F.eks. at konferencen også streames, og hvordan man får linket."),
    )
    body = StreamField(BODY_BLOCKS, verbose_name=_("indhold"), blank=True)
    capacity = models.PositiveIntegerField(
        _("antal pladser"),
        null=True,
        blank=True,
        help_text=_("Tom: arrangementet har ingen tilmelding."),
    )
    registration_deadline = models.DateTimeField(
        _("tilmeldingsfrist"),
        null=True,
        blank=True,
        help_text=_("Tom: tilmelding er åben, til arrangementet begynder."),
    )

    # Seat counts and the reader's own registration change all the time.
    cache_for_anonymous = False

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("venue_name"),
        index.FilterField("start"),
        index.RelatedFields(
            "sessions",
            [
                index.SearchField("title"),
                index.SearchField("description"),
                index.RelatedFields("speakers", [index.SearchField("name")]),
                index.RelatedFields("slides", [index.SearchField("title")]),
            ],
        ),
    ]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("online_note"),
            ],
            heading=_("Tid og sted"),
        ),
        MultiFieldPanel(
            [FieldPanel("capacity"), FieldPanel("registration_deadline")],
            heading=_("Tilmelding"),
        ),
        InlinePanel(
            "questions",
            label=_("spørgsmål"),
            heading=_("Spørgsmål ved tilmelding"),
            help_text=_("F.eks. kost, deltagelse fysisk eller online og behov for tilgængelighed."),
        ),
        FieldPanel("body"),
        InlinePanel("sessions", label=_("programpunkter"), heading=_("Program")),
    ]
    parent_page_types = ["guidance.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("arrangement")
        verbose_name_plural = _("arrangementer")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("Arrangementet skal slutte, efter det er begyndt.")
        if self.registration_deadline and self.start and self.registration_deadline > self.start:
            errors["registration_deadline"] = _(
                "Tilmeldingsfristen skal ligge, før arrangementet begynder."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def location(self):
        return ", ".join(part for part in (self.venue_name, self.venue_address) if part)

    @property
    def ical_uid(self):
        """Stable for the life of the page, so calendars update the event they already hold."""
        return f"event-{self.pk}@tilsynsportalen.dk"

    @property
    def event_url(self):
        return self.url

    @property
    def calendar_url(self):
        return reverse("event_calendar", args=[self.pk])

    @property
    def has_registration(self):
        """An event without a capacity has no registration (a meeting's has no seat limit)."""
        return self.capacity is not None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sessions = list(
            self.sessions.select_related("slides").prefetch_related(
                Prefetch("speakers", queryset=Speaker.objects.select_related("photo"))
            )
        )
        context["sessions"] = sessions
        context["speakers"] = list(
            {speaker.pk: speaker for s in sessions for speaker in s.speakers.all()}.values()
        )
        if self.has_registration:
            context.update(registration_context(request.user, self))
            context["may_list_participants"] = (
                request.user.is_authenticated and self.permissions_for_user(request.user).can_edit()
            )
        return context


class EventSession(ClusterableModel, Orderable):
    """One item of an event's programme: a talk, a panel, a break."""

    page = ParentalKey(EventPage, related_name="sessions", on_delete=models.CASCADE)
    start = models.DateTimeField(_("starter"))
    end = models.DateTimeField(_("slutter"))
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("beskrivelse"), blank=True)
    speakers = ParentalManyToManyField(
        Speaker, verbose_name=_("oplægsholdere"), blank=True, related_name="sessions"
    )
    slides = models.ForeignKey(
        "portal.PortalDocument",
        verbose_name=_("slides"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recording_url = models.URLField(
        _("optagelse"), blank=True, help_text=_("Link til optagelsen, f.eks. på Vimeo.")
    )

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("speakers"),
        FieldPanel("slides"),
        FieldPanel("recording_url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("programpunkt")
        verbose_name_plural = _("programpunkter")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("Programpunktet skal slutte, efter det er begyndt.")})

    def __str__(self):
        return self.title


class EventQuestion(Orderable, AbstractQuestion):
    event = ParentalKey(EventPage, related_name="questions", on_delete=models.CASCADE)

    panels = [
        FieldPanel("label"),
        FieldPanel("kind"),
        FieldPanel("choices"),
        FieldPanel("help_text"),
        FieldPanel("required"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("spørgsmål")
        verbose_name_plural = _("spørgsmål")


class EventRegistration(AbstractRegistration):
    event = models.ForeignKey(
        EventPage,
        verbose_name=_("arrangement"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )

    kind = "arrangement"

    @classmethod
    def mine(cls, user):
        """Registrations to live events the user may still see: public ones, and those behind
        a log-in or one of the user's groups (a password-protected event is left out)."""
        events = EventPage.objects.live()
        user_groups = set(user.groups.all())
        for restriction in PageViewRestriction.objects.select_related("page").prefetch_related(
            "groups"
        ):
            if restriction.restriction_type == PageViewRestriction.LOGIN or (
                restriction.restriction_type == PageViewRestriction.GROUPS
                and user_groups & set(restriction.groups.all())
            ):
                continue
            events = events.not_descendant_of(restriction.page, inclusive=True)
        return cls.objects.filter(user=user, event__in=events).select_related("event")

    class Meta(AbstractRegistration.Meta):
        verbose_name = _("tilmelding")
        verbose_name_plural = _("tilmeldinger")

    def __str__(self):
        return f"{self.user} – {self.event} ({self.get_status_display()})"
