"""The flag-rule form: each rule kind's own parameters, named with units, no JSON.

`KIND_FIELDS` is the one place that says which parameters a kind uses: the editor shows only
those (monitoring/snippets.py), and saving empties the rest, so a rule never keeps a parameter
its kind ignores. The parameters only some rules need live in the rule's `options`; each has a
form field here, read from and written to its place in `options` (`OPTION_PATHS`); keys the
form does not know are kept as they were.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from portal.decimal_input import DecimalInputField

from .models import FlagRule, KeyFigure, RuleKind, StatutoryRate
from .models.figures import Direction, ValueKind
from .rules.formatting import template_fields

PLACEHOLDERS = {
    "value",
    "threshold",
    "year",
    "prev_value",
    "prev_year",
    "change",
    "percentile",
    "comparison",
    "peer_group",
    "peer_median",
    "n_years",
    "figure_name",
    "deadline",
    "rules",
}
MIN_STEPS, MAX_STEPS = 2, 4

ESCALATION = ("red_with_rules",)
KIND_FIELDS = {
    RuleKind.ABSOLUTE: (
        *("figure", "yellow_threshold", "red_threshold", "relative_to_rate", "minimum_homes"),
        *("close_margin", "red_when_figures", *ESCALATION),
    ),
    RuleKind.PEER: (
        *("figure", "yellow_percentile", "red_percentile", "peer_group", "minimum_value"),
        *(
            "minimum_homes",
            "years",
            "close_margin",
            "red_peer_figure",
            "red_peer_percentile",
            "red_minimum_age",
        ),
        *ESCALATION,
    ),
    RuleKind.CHANGE: (
        "figure",
        "minimum_change",
        "change_in_percent",
        "minimum_homes",
        *ESCALATION,
    ),
    RuleKind.TREND: (
        *("figure", "yellow_threshold", "years", "red_years", "trend_figures", "peer_group"),
        "peer_iqr_factor",
    ),
    RuleKind.MISSING: (
        *("accounts_figure", "accounts_name", "accounts_months"),
        *("meeting_figure", "meeting_name", "required_org", "required_estate"),
    ),
    RuleKind.COMBINATION: (
        *("combined_rules", "minimum_rules", "always_red", "figure", "yellow_percentile"),
        *("peer_group", "yellow_threshold", "growth_over_sector_median"),
    ),
}
# Where each option field is kept in FlagRule.options.
OPTION_PATHS = {
    "relative_to_rate": ("relative_to_rate",),
    "red_when_figures": ("red_when_figures",),
    "red_with_rules": ("red_with_rules",),
    "red_peer_figure": ("red_peer_figure",),
    "red_peer_percentile": ("red_peer_percentile",),
    "red_minimum_age": ("red_minimum_age",),
    "trend_figures": ("figures",),
    "peer_iqr_factor": ("peer_iqr_factor",),
    "growth_over_sector_median": ("growth_over_sector_median",),
    "always_red": ("severity",),
    "accounts_figure": ("accounts", "figure"),
    "accounts_name": ("accounts", "name"),
    "accounts_months": ("accounts", "months"),
    "meeting_figure": ("meeting", "figure"),
    "meeting_name": ("meeting", "name"),
    "required_org": ("required", "org"),
    "required_estate": ("required", "estate"),
}
# Thresholds in the unit of the rule's key figure: the unit is added to their label.
IN_FIGURE_UNIT = ("yellow_threshold", "red_threshold", "minimum_value", "minimum_change")


def kinds_using(name):
    """The rule kinds whose form shows the field `name`."""
    return sorted(kind for kind, names in KIND_FIELDS.items() if name in names)


def figures(**filters):
    return KeyFigure.objects.filter(**filters).order_by("name")


class FigureChoiceField(forms.ModelChoiceField):
    """A key figure by code, named with its unit so the editor knows what a threshold means."""

    def __init__(self, queryset=None, **kwargs):
        super().__init__(queryset if queryset is not None else figures(), **kwargs)

    def label_from_instance(self, figure):
        return f"{figure.name} ({figure.unit})" if figure.unit else figure.name


class FiguresChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, figure):
        return FigureChoiceField.label_from_instance(self, figure)


def _statutory_rates():
    return [
        (field.name, field.verbose_name.capitalize())
        for field in StatutoryRate._meta.fields
        if field.name not in ("id", "year")
    ]


class FlagRuleForm(WagtailAdminModelForm):
    """Checks what the engine needs of each kind, so a broken rule never reaches evaluation."""

    relative_to_rate = forms.TypedChoiceField(
        label=_("Grænserne er en andel af satsen"),
        required=False,
        choices=[("", _("Nej, grænserne står i nøgletallets enhed"))],
        help_text=_(
            "Vælg en af årets lovbestemte satser, hvis grænserne skal regnes som en andel af "
            "den, fx 0,5 = halvdelen af loftet."
        ),
    )
    red_when_figures = FiguresChoiceField(
        label=_("Altid rød, når et af disse ja/nej-nøgletal er ja"),
        queryset=figures(kind=ValueKind.BOOLEAN),
        to_field_name="code",
        required=False,
    )
    red_with_rules = forms.ModelMultipleChoiceField(
        label=_("Rød, når en af disse regler giver flag samme år"),
        queryset=FlagRule.objects.all(),
        to_field_name="code",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    red_peer_figure = FigureChoiceField(
        label=_("Rød, når også dette nøgletal er blandt de dårligste"),
        queryset=figures(direction__in=[Direction.HIGHER_IS_WORSE, Direction.LOWER_IS_WORSE]),
        to_field_name="code",
        required=False,
        help_text=_("Sammenlignet med samme gruppe og samme percentil, medmindre andet angives."),
    )
    red_peer_percentile = DecimalInputField(
        label=_("Percentil for det andet nøgletal (0–100)"),
        required=False,
        help_text=_("Tom: samme percentil som for gul."),
    )
    red_minimum_age = forms.IntegerField(
        label=_("… og afdelingen er mindst så gammel (år)"),
        required=False,
        min_value=0,
        max_value=200,
    )
    trend_figures = FiguresChoiceField(
        label=_("Nøgletal, der følges"),
        queryset=figures(direction__in=[Direction.HIGHER_IS_WORSE, Direction.LOWER_IS_WORSE]),
        to_field_name="code",
        required=False,
        help_text=_("Tom: kun reglens nøgletal. Hvert nøgletal vurderes for sig."),
    )
    peer_iqr_factor = DecimalInputField(
        label=_("Samlet forværring mindst (gange kvartilafstanden)"),
        required=False,
        help_text=_(
            "Forværringen over årene skal være mindst så mange gange afstanden mellem første "
            "og tredje kvartil i sammenligningsgruppen, fx 1. Tom: enhver forværring tæller."
        ),
    )
    growth_over_sector_median = DecimalInputField(
        label=_("Stigning over sektorens median (procentpoint)"),
        required=False,
        help_text=_(
            "Værdien skal også være steget så mange procentpoint mere end medianen for hele "
            "sektoren samme år."
        ),
    )
    always_red = forms.BooleanField(
        label=_("Altid rød"),
        required=False,
        help_text=_("Ellers gul."),
    )
    accounts_figure = FigureChoiceField(
        label=_("Dato for modtaget regnskab"),
        queryset=figures(kind=ValueKind.DATE),
        to_field_name="code",
        required=False,
    )
    accounts_name = forms.CharField(
        label=_("Regnskabet kaldes i forklaringen"), required=False, max_length=60
    )
    accounts_months = forms.IntegerField(
        label=_("Frist for regnskabet (måneder efter årets udgang)"),
        required=False,
        min_value=1,
        max_value=24,
    )
    meeting_figure = FigureChoiceField(
        label=_("Dato for styringsdialogmødet"),
        queryset=figures(kind=ValueKind.DATE),
        to_field_name="code",
        required=False,
        help_text=_("Mødet skal være holdt senest 12 måneder efter regnskabsårets udgang."),
    )
    meeting_name = forms.CharField(
        label=_("Mødet kaldes i forklaringen"), required=False, max_length=60
    )
    required_org = FiguresChoiceField(
        label=_("Nøgletal, som boligorganisationen skal indberette"),
        queryset=figures(for_organisations=True, derived=False),
        to_field_name="code",
        required=False,
    )
    required_estate = FiguresChoiceField(
        label=_("Nøgletal, som hver afdeling skal indberette"),
        queryset=figures(for_estates=True, derived=False),
        to_field_name="code",
        required=False,
    )

    class Media:
        js = ["monitoring/rule-preview.js"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["relative_to_rate"].choices += _statutory_rates()
        if "figure" in self.fields:
            self.fields["figure"] = FigureChoiceField(
                label=self.fields["figure"].label, required=False
            )
        for name, path in OPTION_PATHS.items():
            value = _get(self.instance.options or {}, path)
            self.initial.setdefault(name, value == "red" if name == "always_red" else value)
        figure = self.instance.figure if self.instance.figure_id else None
        if figure and figure.unit and not (self.instance.options or {}).get("relative_to_rate"):
            for name in IN_FIGURE_UNIT:
                if name in self.fields:
                    self.fields[name].label = f"{self.fields[name].label} ({figure.unit})"

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        self._forget_other_kinds(data, kind)
        if kind in {
            RuleKind.ABSOLUTE,
            RuleKind.PEER,
            RuleKind.CHANGE,
            RuleKind.TREND,
        } and not data.get("figure"):
            self.add_error("figure", _("Vælg det nøgletal, reglen gælder."))
        if (
            kind == RuleKind.ABSOLUTE
            and data.get("yellow_threshold") is None
            and data.get("red_threshold") is None
        ):
            self.add_error("yellow_threshold", _("Angiv en grænse for gul eller rød."))
        if (
            kind == RuleKind.PEER
            and data.get("yellow_percentile") is None
            and data.get("red_percentile") is None
        ):
            self.add_error("yellow_percentile", _("Angiv en percentil for gul eller rød."))
        if kind == RuleKind.CHANGE and data.get("minimum_change") is None:
            self.add_error("minimum_change", _("Angiv den mindste ændring."))
        for name in ("yellow_percentile", "red_percentile", "red_peer_percentile"):
            value = data.get(name)
            if value is not None and not 0 < value < 100:
                self.add_error(name, _("En percentil ligger mellem 0 og 100."))
        self._check_explanation(data.get("explanation") or "")
        steps = len([line for line in (data.get("actions") or "").splitlines() if line.strip()])
        if steps and not MIN_STEPS <= steps <= MAX_STEPS:
            self.add_error(
                "actions",
                _("Skriv %(low)s–%(high)s handlemuligheder, én pr. linje.")
                % {"low": MIN_STEPS, "high": MAX_STEPS},
            )
        self.instance.options = self._options(data)
        return data

    def _forget_other_kinds(self, data, kind):
        """Empty the parameters the chosen kind does not use (they stay hidden in the form)."""
        used = KIND_FIELDS.get(kind, ())
        for names in KIND_FIELDS.values():
            for name in set(names) - set(used):
                if name in data:
                    data[name] = self.fields[name].clean("")

    def _options(self, data):
        """The rule's options: the form's option fields where they are set, and every key the
        form does not manage as it was."""
        before = self.instance.options or {}
        managed = {path[0] for path in OPTION_PATHS.values()}
        options = {k: v for k, v in before.items() if k not in managed}
        for name, path in OPTION_PATHS.items():
            value = _plain(data.get(name))
            if isinstance(value, list):
                value = _in_previous_order(value, _get(before, path) or [])
            if name == "always_red":
                value = "red" if value else None
            if value not in (None, "", []):
                _set(options, path, value)
        return options

    def _check_explanation(self, explanation):
        try:
            unknown = template_fields(explanation) - PLACEHOLDERS
        except ValueError:
            self.add_error("explanation", _("Krøllede parenteser skal stå i par, fx {value}."))
            return
        if unknown:
            self.add_error(
                "explanation",
                _("Ukendte pladsholdere: %s.") % ", ".join(sorted(f"{{{n}}}" for n in unknown)),
            )


def _plain(value):
    """A cleaned option value as JSON: codes for key figures and rules, sorted lists."""
    if hasattr(value, "code"):
        return value.code
    if isinstance(value, (list, tuple)) or hasattr(value, "model"):
        return sorted(item.code for item in value)
    return value


def _in_previous_order(codes, previous):
    """`codes` in the order they had before (the order figures are judged in), new ones last."""
    return [code for code in previous if code in codes] + [c for c in codes if c not in previous]


def _get(options, path):
    for key in path:
        options = options.get(key) if isinstance(options, dict) else None
    return options


def _set(options, path, value):
    for key in path[:-1]:
        options = options.setdefault(key, {})
    options[path[-1]] = value
