"""Flag rules in the Wagtail admin: a snippet with revisions, its fields grouped by rule kind."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import AssessmentPolicy, FlagRule, RuleKind
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


class FlagRuleForm(WagtailAdminModelForm):
    """Checks what the engine needs of each kind, so a broken rule never reaches evaluation."""

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
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
        for name in ("yellow_percentile", "red_percentile"):
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
        return data

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


class FlagRuleViewSet(SnippetViewSet):
    model = FlagRule
    icon = "warning"
    menu_label = _("Flagregler")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["code", "name", "kind", "figure", "level", "active"]
    list_filter = ["kind", "level", "active"]
    search_fields = ["code", "name"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("code"), FieldPanel("active")]),
                    FieldPanel("name"),
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("level")]),
                    FieldPanel(
                        "figure",
                        help_text=_("Tom for kombinationer af regler og for manglende data."),
                    ),
                ],
                heading=_("Regel"),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("yellow_threshold"), FieldPanel("red_threshold")]),
                    FieldPanel(
                        "minimum_homes",
                        help_text=_(
                            "Afdelinger med færre boliger vurderes ikke (grænser og ændringer)."
                        ),
                    ),
                ],
                heading=_("Absolut grænse"),
                help_text=_(
                    "Flag når værdien er over grænsen (højere er værre) eller under den (lavere "
                    "er værre). For udvikling: grænsen, værdien skal ligge ud over flere år i træk."
                ),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("yellow_percentile"), FieldPanel("red_percentile")]),
                    FieldPanel("peer_group"),
                    FieldPanel("minimum_value"),
                ],
                heading=_("Sammenligning med andre"),
                help_text=_(
                    "Percentilen (0–100) beregnes pr. år i sammenligningsgruppen med lineær "
                    "interpolation; fx 90 betyder de værste 10 %. Grupper med under 30 "
                    "medlemmer udvides til størrelsesgruppen og derefter hele landet."
                ),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("minimum_change"), FieldPanel("change_in_percent")]),
                    FieldRowPanel([FieldPanel("years"), FieldPanel("red_years")]),
                ],
                heading=_("Ændring og udvikling"),
                help_text=_(
                    "Ændring: flag når værdien er blevet mindst så meget værre siden året før. "
                    "Antal år: hvor mange år i træk betingelsen skal gælde."
                ),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("combined_rules", widget=forms.CheckboxSelectMultiple),
                    FieldPanel(
                        "minimum_rules",
                        help_text=_("Tom betyder, at alle de valgte regler skal give flag."),
                    ),
                ],
                heading=_("Kombination af regler"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel(
                        "options",
                        help_text=_(
                            "Parametre, som kun enkelte regler bruger, fx "
                            '{"relative_to_rate": "disp_fund_ceiling"} eller '
                            '{"red_with_rules": ["R05"]}.'
                        ),
                    )
                ],
                heading=_("Særlige parametre"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("explanation"),
                    FieldRowPanel([FieldPanel("guidance_page"), FieldPanel("guidance_anchor")]),
                    FieldPanel("actions"),
                ],
                heading=_("Forklaring, handlemuligheder og vejledning"),
            ),
        ],
        base_form_class=FlagRuleForm,
    )


class AssessmentPolicyViewSet(SnippetViewSet):
    """The roll-up's parameters: one row, edited like the flag rules (docs/assessment.md)."""

    model = AssessmentPolicy
    icon = "tasks"
    menu_label = _("Samlet vurdering")
    add_to_admin_menu = True
    menu_order = 311
    list_display = ["name", "red_score", "yellow_score", "red_homes_share", "yellow_homes_share"]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("red_weight"), FieldPanel("yellow_weight")]),
                    FieldRowPanel(
                        [FieldPanel("persistence_weight"), FieldPanel("persistence_years")]
                    ),
                    FieldPanel("estate_share"),
                ],
                heading=_("Point"),
                help_text=_(
                    "Hvert gældende flag giver point efter alvor og antal år i træk. "
                    "Afdelingernes flag vægtes med afdelingens andel af boligerne."
                ),
            ),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("red_score"), FieldPanel("yellow_score")]),
                    FieldRowPanel(
                        [FieldPanel("red_homes_share"), FieldPanel("yellow_homes_share")]
                    ),
                ],
                heading=_("Vurdering"),
                help_text=_(
                    "Rød når pointene eller andelen af boliger i afdelinger med rødt flag når "
                    "grænsen for rød; ellers gul når en grænse for gul nås; ellers grøn."
                ),
            ),
        ]
    )


def register_flag_rule_snippet():
    register_snippet(FlagRuleViewSet)
    register_snippet(AssessmentPolicyViewSet)
