"""Forms of the monitoring pages: the dashboard's filters, a flag's follow-up, and styrelse's
notes with the municipality's answers."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from monitoring.models import (
    Estate,
    FlagRule,
    FlagStatus,
    KeyFigure,
    NoteStatus,
    Severity,
)
from portal import access
from portal.models import User


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
        help_text=_("Noten gemmes i sagens historik og kan ikke ændres bagefter."),
    )

    def __init__(self, *args, flag, **kwargs):
        super().__init__(*args, **kwargs)
        self.flag = flag
        self.fields["assigned_to"].queryset = (
            access.caseworkers_of(flag.organisation.supervising_municipality_id, User.objects)
            .filter(is_active=True)
            .order_by("first_name", "last_name")
        )

    def clean(self):
        data = super().clean()
        if data.get("status") == FlagStatus.REJECTED and not data.get("note", "").strip():
            self.add_error("note", _("Skriv en begrundelse, når flaget afvises."))
        unchanged = (
            data.get("status") == self.flag.case.status
            and data.get("assigned_to") == self.flag.case.assigned_to
            and not data.get("note", "").strip()
        )
        if unchanged and not self.errors:
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
