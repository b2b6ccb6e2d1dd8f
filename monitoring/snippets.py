"""Flag rules in the Wagtail admin: a snippet with revisions, edited kind by kind.

Every parameter is shown only for the rule kinds that use it (`rule_form.KIND_FIELDS`, applied
in the browser by Wagtail's `w-rules` controller as the kind is chosen); a preview evaluates the
changed rule before it is saved (monitoring/rule_preview.py).
"""

import json

from django import forms
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from .models import AssessmentPolicy, FlagRule
from .rule_form import FlagRuleForm, kinds_using

SAVED = _("Flagreglen »%(object)s« er gemt som en ny version. Flaggene beregnes igen om lidt.")


def shown_for(*names):
    """The attributes that show a panel only while the chosen kind uses one of `names`."""
    kinds = sorted({kind for name in names for kind in kinds_using(name)})
    return {"data-w-rules-target": "show", "data-w-rules-show": json.dumps({"kind": kinds})}


def parameter(name, **kwargs):
    return FieldPanel(name, attrs=shown_for(name), **kwargs)


def section(heading, names, **kwargs):
    """A group of parameters, shown while the chosen kind uses any of them."""
    panels = [name if isinstance(name, Panel) else parameter(name) for name in names]
    fields = [name if isinstance(name, str) else name.field_name for name in names]
    return MultiFieldPanel(panels, heading=heading, attrs=shown_for(*fields), **kwargs)


class YesNoColumn(Column):
    def get_value(self, instance):
        return _("Ja") if super().get_value(instance) else _("Nej")


class RulePreviewPanel(Panel):
    """A button that shows what the unsaved rule would flag in the newest year."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "monitoring/admin/rule_preview_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            pk = self.instance.pk
            context["preview_url"] = reverse("monitoring_rule_preview", args=[pk] if pk else [])
            return context


class SavedMessageMixin:
    """Says in Danish that the rule was saved and that the flags are recomputed."""

    def get_success_message(self, instance=None):
        return SAVED % {"object": instance or self.object}


class FlagRuleEditView(SavedMessageMixin, EditView):
    pass


class FlagRuleCreateView(SavedMessageMixin, CreateView):
    pass


class FlagRuleViewSet(SnippetViewSet):
    model = FlagRule
    icon = "warning"
    menu_label = _("Flagregler")
    add_to_admin_menu = True
    menu_order = 310
    add_view_class = FlagRuleCreateView
    edit_view_class = FlagRuleEditView
    list_display = [
        "code",
        "name",
        "kind",
        "figure",
        "level",
        YesNoColumn("active", label=_("Aktiv")),
    ]
    list_filter = ["kind", "level", "active"]
    search_fields = ["code", "name"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("code"), FieldPanel("active")]),
                    FieldPanel("name"),
                    FieldRowPanel([FieldPanel("kind"), FieldPanel("level")]),
                    parameter("figure"),
                ],
                heading=_("Regel"),
                help_text=_(
                    "Vælg først reglens type: formularen viser derefter kun de indstillinger, "
                    "typen bruger."
                ),
            ),
            section(
                _("Grænser"),
                [
                    "yellow_threshold",
                    "red_threshold",
                    "relative_to_rate",
                    parameter(
                        "minimum_homes",
                        help_text=_("Afdelinger med færre boliger vurderes ikke."),
                    ),
                    "close_margin",
                ],
                help_text=_(
                    "Flag, når værdien er værre end grænsen: over den, når højere er værre, "
                    "under den, når lavere er værre. Skriv decimaltal med komma eller punktum, "
                    "fx 6,5."
                ),
            ),
            section(
                _("Sammenligning med andre"),
                [
                    "yellow_percentile",
                    "red_percentile",
                    "peer_group",
                    "minimum_value",
                    "red_peer_figure",
                    "red_peer_percentile",
                    "red_minimum_age",
                    "peer_iqr_factor",
                ],
                help_text=_(
                    "Percentilen (0–100) beregnes pr. år i sammenligningsgruppen; fx 90 betyder "
                    "de værste 10 %, når højere er værre. Grupper med under 30 medlemmer udvides "
                    "til størrelsesgruppen og derefter hele landet."
                ),
            ),
            section(
                _("Ændring og år i træk"),
                [
                    "minimum_change",
                    "change_in_percent",
                    "years",
                    "red_years",
                    "trend_figures",
                    "growth_over_sector_median",
                ],
                help_text=_(
                    "Ændring: flag, når værdien er blevet mindst så meget værre siden året før. "
                    "Antal år: hvor mange år i træk betingelsen skal gælde."
                ),
            ),
            section(
                _("Kombination af regler"),
                [
                    parameter("combined_rules", widget=forms.CheckboxSelectMultiple),
                    parameter(
                        "minimum_rules",
                        help_text=_("Tom betyder, at alle de valgte regler skal give flag."),
                    ),
                    "always_red",
                ],
            ),
            section(
                _("Manglende indberetning"),
                [
                    "accounts_figure",
                    "accounts_name",
                    "accounts_months",
                    "meeting_figure",
                    "meeting_name",
                    "required_org",
                    "required_estate",
                ],
                help_text=_(
                    "Flag, når regnskab eller møde mangler efter fristen, eller når et "
                    "nøgletal, der skal indberettes, er tomt."
                ),
            ),
            section(_("Hvornår bliver et flag rødt?"), ["red_with_rules", "red_when_figures"]),
            MultiFieldPanel(
                [
                    FieldPanel("explanation"),
                    FieldRowPanel([FieldPanel("guidance_page"), FieldPanel("guidance_anchor")]),
                    FieldPanel("actions"),
                ],
                heading=_("Forklaring, handlemuligheder og vejledning"),
            ),
            RulePreviewPanel(heading=_("Virkning før du gemmer")),
        ],
        base_form_class=FlagRuleForm,
        attrs={"data-controller": "w-rules", "data-action": "change->w-rules#resolve"},
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
