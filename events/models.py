"""What registration needs of an event and of a registration: a conference page (guidance) and a
network meeting (network) are both RegistrableEvents with a subclass of AbstractRegistration, so
they share one set of rules (events.registration)."""

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.links import public_url


class RegistrableEvent:
    """What events.registration needs of an event, so a page and a network meeting share its
    rules. A subclass has `title`, `start`, `end`, `capacity` (None: no seat limit),
    `registration_deadline`, `location`, `ical_uid`, a `registrations` relation to a subclass of
    AbstractRegistration, a `questions` relation to a subclass of AbstractQuestion, and an
    `event_url` (the path of its page)."""

    has_registration = True

    @property
    def public_url(self):
        """The event's page on the portal's public address, for e-mails and calendars."""
        return public_url(self.event_url) if self.event_url else ""

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


class QuestionKind(models.TextChoices):
    ONE_CHOICE = "one_choice", _("Ét valg")
    SEVERAL_CHOICES = "several_choices", _("Flere valg")
    TEXT = "text", _("Fritekst")


class AbstractQuestion(models.Model):
    """A question the registration form asks, set by the event's editor; subclasses add the
    `event` it belongs to. The answer keeps the question's text, so a later edit of the
    question does not change what people answered."""

    Kind = QuestionKind

    label = models.CharField(_("spørgsmål"), max_length=200)
    kind = models.CharField(
        _("svartype"), max_length=20, choices=QuestionKind.choices, default=QuestionKind.TEXT
    )
    choices = models.TextField(
        _("svarmuligheder"),
        blank=True,
        help_text=_("Én svarmulighed pr. linje. Bruges ikke ved fritekst."),
    )
    help_text = models.CharField(_("hjælpetekst"), max_length=300, blank=True)
    required = models.BooleanField(_("skal besvares"), default=False)

    class Meta:
        abstract = True

    def __str__(self):
        return self.label

    @property
    def choice_list(self):
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    def clean(self):
        super().clean()
        if self.kind != QuestionKind.TEXT and len(self.choice_list) < 2:
            raise ValidationError({"choices": _("Skriv mindst to svarmuligheder, én pr. linje.")})

    def form_field(self):
        options = {"label": self.label, "help_text": self.help_text, "required": self.required}
        pairs = [(choice, choice) for choice in self.choice_list]
        if self.kind == QuestionKind.ONE_CHOICE:
            return forms.ChoiceField(choices=pairs, widget=forms.RadioSelect, **options)
        if self.kind == QuestionKind.SEVERAL_CHOICES:
            return forms.MultipleChoiceField(
                choices=pairs, widget=forms.CheckboxSelectMultiple, **options
            )
        return forms.CharField(max_length=1000, widget=forms.Textarea(attrs={"rows": 3}), **options)


class RegistrationQuerySet(models.QuerySet):
    def with_waiting_position(self):
        """Each registration with `waiting_ahead`: how many wait before it on its event's list
        (one subquery, whatever the number of rows)."""
        ahead = (
            self.model.objects.filter(event=OuterRef("event"), status=RegistrationStatus.WAITING)
            .filter(
                Q(created__lt=OuterRef("created"))
                | Q(created=OuterRef("created"), pk__lt=OuterRef("pk"))
            )
            .order_by()
            .values("event")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(waiting_ahead=Coalesce(Subquery(ahead), 0))


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
    answers = models.JSONField(
        _("svar"),
        default=list,
        blank=True,
        help_text=_("Svarene på arrangementets spørgsmål, med spørgsmålets tekst."),
    )
    created = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated = models.DateTimeField(_("ændret"), auto_now=True)

    objects = RegistrationQuerySet.as_manager()

    # For "Mine tilmeldinger": the slug of this kind in its URLs and what a subclass lists.
    kind = ""

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

    @property
    def is_cancelled(self):
        return self.status == RegistrationStatus.CANCELLED

    @property
    def waiting_position(self):
        """1 for the first on the waiting list; needs `with_waiting_position()`."""
        return self.waiting_ahead + 1 if self.is_waiting else None

    @classmethod
    def mine(cls, user):
        """The user's registrations to events they may still see, their events loaded."""
        raise NotImplementedError

    def event_url(self):
        raise NotImplementedError

    def calendar_url(self):
        raise NotImplementedError

    @staticmethod
    def kinds():
        """Every concrete registration model by its `kind`."""
        return {
            model.kind: model
            for model in apps.get_models()
            if issubclass(model, AbstractRegistration)
        }


def answer_text(answer):
    """An answer as one line of text: several choices joined."""
    value = answer.get("answer")
    return "; ".join(value) if isinstance(value, list) else (value or "")
