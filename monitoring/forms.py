"""Forms of the monitoring pages: the dashboard's filters, a flag's follow-up, and styrelse's
notes with the municipality's answers."""

from django import forms
from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from monitoring.follow_up import UNCHANGED
from monitoring.models import (
    Estate,
    FlagRule,
    FlagStatus,
    KeyFigure,
    NoteStatus,
    Severity,
)
from portal import access
from portal.forms import SubmissionToken
from portal.models import User
from portal.people import people_generation

CHOICES_SECONDS = 600


class DashboardFilterForm(forms.Form):
    """The filters above the list of organisations; every field is optional."""

    aar = forms.TypedChoiceField(label=_("År"), coerce=int, required=False)
    alvor = forms.ChoiceField(
        label=_("Alvor"), choices=[("", _("Alle"))] + Severity.choices, required=False
    )
    regel = forms.ModelChoiceField(
        label=_("Regel"), queryset=FlagRule.objects.all(), required=False, empty_label=_("Alle")
    )
    noegletal = forms.ModelChoiceField(
        label=_("Nøgletal"),
        queryset=KeyFigure.objects.filter(rules__isnull=False).distinct(),
        required=False,
        empty_label=_("Alle"),
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Alle"))] + FlagStatus.choices, required=False
    )
    nye = forms.BooleanField(label=_("Kun nye sager i år"), required=False)
    kun_flagede = forms.BooleanField(label=_("Kun organisationer med flag"), required=False)

    def __init__(self, data, years):
        super().__init__(data)
        self.fields["aar"].choices = [(year, year) for year in years]

    def flag_lookups_kwargs(self, default_year):
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "year": data.get("aar") or default_year,
            "severity": data.get("alvor", ""),
            "rule": data.get("regel"),
            "figure": data.get("noegletal"),
            "new_only": data.get("nye", False),
            "status": data.get("status", ""),
        }

    @property
    def has_flag_filter(self):
        data = self.cleaned_data if self.is_valid() else {}
        return any(data.get(name) for name in ("alvor", "regel", "noegletal", "status", "nye"))


def assignable(organisation):
    """The caseworkers a case of the organisation can be given to: its tilsynskommune's."""
    return (
        access.caseworkers_of(organisation.supervising_municipality_id, User.objects)
        .filter(is_active=True)
        .order_by("first_name", "last_name")
    )


def assignable_choices(organisation):
    """`assignable(organisation)` as (id, name), kept in the cache per municipality and language
    until the people generation moves: every case page of the municipality offers the same. Only
    what the form shows; what it accepts is checked against `assignable` itself."""
    key = (
        f"monitoring:assignable:{organisation.supervising_municipality_id}:{get_language()}:"
        f"{people_generation()}"
    )
    return cache.get_or_set(
        key, lambda: [(user.pk, str(user)) for user in assignable(organisation)], CHOICES_SECONDS
    )


NOTE_HELP = _("Noten gemmes i sagens historik og kan ikke ændres bagefter.")
REJECTION_NEEDS_NOTE = _("Skriv en begrundelse, når flaget afvises.")


class FlagFollowUpForm(forms.Form):
    """A step of follow-up: a new status, a caseworker to own the flag, and a note."""

    status = forms.ChoiceField(label=_("Status"), choices=FlagStatus.choices)
    assigned_to = forms.ModelChoiceField(
        label=_("Ansvarlig sagsbehandler"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Ingen"),
    )
    note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=4000,
        help_text=NOTE_HELP,
    )
    token = SubmissionToken()

    def __init__(self, *args, flag, **kwargs):
        super().__init__(*args, **kwargs)
        self.flag = flag
        assigned_to = self.fields["assigned_to"]
        if self.is_bound:  # what it accepts, asked only of a form sent
            assigned_to.queryset = assignable(flag.organisation)
        # Read once, as the case page keys its rendered fields by them (`assignees`).
        assigned_to.choices = [
            ("", assigned_to.empty_label),
            *assignable_choices(flag.organisation),
        ]

    @property
    def assignees(self):
        """The offered caseworkers as (id, name): what the unbound form's fields show besides
        the case's status and assignee."""
        return [(str(value), str(label)) for value, label in self.fields["assigned_to"].choices]

    def clean(self):
        data = super().clean()
        if data.get("status") == FlagStatus.REJECTED and not data.get("note", "").strip():
            self.add_error("note", REJECTION_NEEDS_NOTE)
        unchanged = (
            data.get("status") == self.flag.case.status
            and getattr(data.get("assigned_to"), "pk", None) == self.flag.case.assigned_to_id
            and not data.get("note", "").strip()
        )
        if unchanged and not self.errors:
            raise forms.ValidationError(_("Der er ingen ændringer at gemme."))
        return data


class EstateFilterForm(forms.Form):
    """Search, order and narrow an organisation's estates; works as a plain GET form."""

    ORDERS = {
        "flag": ("-red", "-yellow", "estate_no"),
        "nummer": ("estate_no",),
        "navn": ("name", "estate_no"),
        "boliger": ("-homes", "estate_no"),
    }

    soeg = forms.CharField(
        label=_("Søg afdeling"),
        help_text=_("Navn eller nummer"),
        required=False,
        max_length=100,
    )
    sortering = forms.ChoiceField(
        label=_("Sortér efter"),
        choices=[
            ("flag", _("Flest flag først")),
            ("nummer", _("Afdelingsnummer")),
            ("navn", _("Navn")),
            ("boliger", _("Flest boliger først")),
        ],
        required=False,
    )
    kun_flagede = forms.BooleanField(label=_("Kun afdelinger med flag"), required=False)

    def apply(self, estates):
        """`estates` annotated with `red` and `yellow`, searched, narrowed and ordered."""
        data = self.cleaned_data if self.is_valid() else {}
        text = data.get("soeg", "").strip()
        if text:
            estates = estates.filter(Q(name__icontains=text) | Q(estate_no__icontains=text))
        if data.get("kun_flagede"):
            estates = estates.filter(Q(red__gt=0) | Q(yellow__gt=0))
        return estates.order_by(*self.ORDERS[data.get("sortering") or "flag"])

    @property
    def is_narrowed(self):
        data = self.cleaned_data if self.is_valid() else {}
        return bool(data.get("soeg", "").strip() or data.get("kun_flagede"))


class BulkFollowUpForm(forms.Form):
    """One step on several cases of an organisation: the chosen ones, or every case shown (all
    of the organisation's cases for a rule, when the list is narrowed to it). Fields left at
    "Uændret" keep each case's own value. `cases` holds the organisation's cases only, so a
    forged id of any other case makes the whole form invalid."""

    CHOSEN, ALL = "valgte", "alle"

    sager = forms.ModelMultipleChoiceField(
        label=_("Sager"), queryset=None, required=False, widget=forms.MultipleHiddenInput
    )
    omfang = forms.ChoiceField(
        label=_("Anvend på"), widget=forms.RadioSelect, initial=CHOSEN, choices=()
    )
    status = forms.ChoiceField(
        label=_("Ny status"), choices=[("", _("Uændret"))] + FlagStatus.choices, required=False
    )
    ansvarlig = forms.ChoiceField(label=_("Ansvarlig sagsbehandler"), required=False)
    note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=4000,
        help_text=NOTE_HELP,
    )

    NOBODY = "ingen"

    def __init__(self, *args, organisation, cases, shown, count, rule=None, **kwargs):
        """`cases`: the organisation's cases one may choose; `shown`: the flags the list holds
        on all its pages (one per case, `count` of them), which "all" means; `rule`: the rule
        the list is narrowed to, if any."""
        super().__init__(*args, **kwargs)
        self.shown = shown
        self.caseworkers = {str(user.pk): user for user in assignable(organisation)}
        self.fields["sager"].queryset = cases
        everything = (
            _("Alle organisationens sager for %(rule)s (%(count)s)")
            % {"rule": rule.code, "count": count}
            if rule
            else _("Alle sager i listen (%(count)s)") % {"count": count}
        )
        self.fields["omfang"].choices = [
            (self.CHOSEN, _("De valgte sager")),
            (self.ALL, everything),
        ]
        self.fields["ansvarlig"].choices = [
            ("", _("Uændret")),
            (self.NOBODY, _("Ingen")),
            *((pk, user.get_full_name() or user.email) for pk, user in self.caseworkers.items()),
        ]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if data["omfang"] == self.CHOSEN:
            data["case_ids"] = [case.pk for case in data["sager"]]
        else:
            data["case_ids"] = list(self.shown.values_list("case_id", flat=True))
        if not data["case_ids"]:
            raise forms.ValidationError(_("Vælg mindst én sag."))
        assignee = data["ansvarlig"]
        data["assigned_to"] = (
            UNCHANGED
            if assignee == ""
            else None
            if assignee == self.NOBODY
            else self.caseworkers[assignee]
        )
        if data["status"] == FlagStatus.REJECTED and not data["note"].strip():
            self.add_error("note", REJECTION_NEEDS_NOTE)
        if not data["status"] and data["assigned_to"] is UNCHANGED and not data["note"].strip():
            raise forms.ValidationError(_("Der er ingen ændringer at gemme."))
        return data


class StyrelseNoteForm(forms.Form):
    """Styrelse's knowledge about the organisation or one estate, perhaps asking for an answer."""

    estate = forms.ModelChoiceField(
        label=_("Afdeling"),
        queryset=Estate.objects.none(),
        required=False,
        empty_label=_("Hele boligorganisationen"),
    )
    title = forms.CharField(label=_("Overskrift"), max_length=200)
    body = forms.CharField(
        label=_("Notat"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=8000,
        help_text=_(
            "Hvad styrelsen ved, fx særlig driftsstøtte fra Landsbyggefonden eller en fusion "
            "under forberedelse. Tilsynskommunen læser notatet; beliggenhedskommunen kan læse "
            "notater om afdelinger i kommunen."
        ),
    )
    respond_by = forms.DateField(
        label=_("Svar fra kommunen senest"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Udfyld kun, hvis kommunen skal svare."),
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["estate"].queryset = organisation.estates.order_by("estate_no")

    def clean_respond_by(self):
        date = self.cleaned_data.get("respond_by")
        if date is not None and date < timezone.localdate():
            raise forms.ValidationError(_("Datoen er overskredet. Vælg en dato fra i dag."))
        return date


class NoteReplyForm(forms.Form):
    """The supervising municipality's answer to a note, and where it stands."""

    status = forms.ChoiceField(label=_("Status"), choices=NoteStatus.choices)
    text = forms.CharField(
        label=_("Svar til styrelsen"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        max_length=8000,
        help_text=_("Svaret gemmes ved notatet og kan ikke ændres bagefter."),
    )

    def clean(self):
        data = super().clean()
        if data.get("status") == NoteStatus.ANSWERED and not data.get("text", "").strip():
            self.add_error("text", _("Skriv svaret, når notatet markeres som besvaret."))
        return data
