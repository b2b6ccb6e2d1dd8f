"""The default flag rules R01–R16 of the domain brief (§6), installed by a data migration.

Editors tune them afterwards in the admin; every change is a revision, so these values are only
the first revision of each rule. The second, tuned on the generated country, is migration
0008_default_rule_tuning (docs/flag-cases.md).
"""

from django.utils import timezone
from modelcluster.models import get_serializable_data_for_fields

DEFAULT_RULES = [
    {
        "code": "R01",
        "name": "Lav disponibel dispositionsfond",
        "kind": "absolute",
        "figure": "disp_fund_free_per_unit",
        "level": "org",
        "yellow_threshold": 0.5,
        "red_threshold": 0,
        "options": {"relative_to_rate": "disp_fund_ceiling"},
        "explanation": "Den disponible dispositionsfond er {value} kr. pr. lejemålsenhed i {year} "
        "– under {threshold} kr.",
    },
    {
        "code": "R02",
        "name": "Negativ arbejdskapital",
        "kind": "absolute",
        "figure": "working_capital_per_unit",
        "level": "org",
        "red_threshold": 0,
        "explanation": "Arbejdskapitalen er negativ: {value} kr. pr. lejemålsenhed i {year}.",
    },
    {
        "code": "R03",
        "name": "Høj ledighed",
        "kind": "absolute",
        "figure": "vacancy_rate_pct",
        "level": "estate",
        "yellow_threshold": 2,
        "red_threshold": 5,
        "minimum_homes": 20,
        "explanation": "{value} % af boligerne stod ledige i {year} (grænse {threshold} %).",
    },
    {
        "code": "R04",
        "name": "Stort tab ved lejeledighed",
        "kind": "peer",
        "figure": "vacancy_loss_per_m2",
        "level": "estate",
        "peer_group": "region_size",
        "yellow_percentile": 90,
        "red_percentile": 97.5,
        "minimum_value": 10,
        "explanation": "Tab ved lejeledighed er {value} kr. pr. m² i {year} – {comparison} "
        "{peer_group} (grænse {threshold} kr.; typisk {peer_median} kr.).",
    },
    {
        "code": "R05",
        "name": "Høj fraflytning",
        "kind": "peer",
        "figure": "turnover_pct",
        "level": "estate",
        "peer_group": "region_home_type",
        "yellow_percentile": 90,
        "explanation": "Fraflytningsprocenten er {value} % i {year} – {comparison} "
        "{peer_group} (grænse {threshold} %).",
    },
    {
        "code": "R06",
        "name": "Stigende fraflytning",
        "kind": "change",
        "figure": "turnover_pct",
        "level": "estate",
        "minimum_change": 5,
        # Not in the brief: below 50 homes one or two extra move-outs are +5 points, so the
        # rule would flag noise (a fifth of small estates a year in the generated data).
        "minimum_homes": 50,
        "options": {"red_with_rules": ["R05"]},
        "explanation": "Fraflytningsprocenten steg fra {prev_value} % ({prev_year}) til {value} % "
        "({year}).",
    },
    {
        "code": "R07",
        "name": "Lave henlæggelser til vedligeholdelse",
        "kind": "peer",
        "figure": "ppv_provision_per_m2",
        "level": "estate",
        "peer_group": "country_size",
        "yellow_percentile": 10,
        "years": 2,
        "options": {"red_peer_figure": "ppv_saved_per_home", "red_minimum_age": 40},
        "explanation": "Henlæggelser til vedligeholdelse på {value} kr. pr. m² – {comparison} "
        "{peer_group}, {n_years} år i træk.",
    },
    {
        "code": "R08",
        "name": "Opsamlet underskud",
        "kind": "absolute",
        "figure": "accumulated_deficit_pct",
        "level": "estate",
        "red_threshold": 2,
        "explanation": "Det opsamlede underskud svarer til {value} % af årslejen "
        "(grænse {threshold} %).",
    },
    {
        "code": "R09",
        "name": "Underskud flere år i træk",
        "kind": "trend",
        "figure": "annual_result_kr",
        "level": "estate",
        "yellow_threshold": 0,
        "years": 2,
        "red_years": 3,
        "explanation": "Afdelingen har haft underskud {n_years} år i træk.",
    },
    {
        "code": "R10",
        "name": "Høj og hurtigt stigende leje",
        "kind": "combination",
        "figure": "rent_per_m2",
        "level": "estate",
        "peer_group": "region_home_type",
        "yellow_percentile": 90,
        "options": {"growth_over_sector_median": 3},
        "explanation": "Lejen er {value} kr. pr. m² – {comparison} {peer_group} – og steg "
        "{change} % på et år.",
    },
    {
        "code": "R11",
        "name": "Lavt effektivitetstal",
        "kind": "absolute",
        "figure": "efficiency_score",
        "level": "estate",
        "yellow_threshold": 70,
        "red_threshold": 60,
        "explanation": "Effektivitetstallet er {value} (grænse {threshold}).",
    },
    {
        "code": "R12",
        "name": "Højt administrationsbidrag",
        "kind": "peer",
        "figure": "admin_fee_per_unit",
        "level": "org",
        "peer_group": "size",
        "yellow_percentile": 90,
        "explanation": "Administrationsbidraget er {value} kr. pr. lejemålsenhed – {comparison} "
        "{peer_group} (grænse {threshold} kr.).",
    },
    {
        "code": "R13",
        "name": "Forværring flere år i træk",
        "kind": "trend",
        "figure": "vacancy_rate_pct",
        "level": "estate",
        "peer_group": "region_size",
        "years": 3,
        "options": {
            "figures": ["vacancy_rate_pct", "vacancy_loss_per_m2", "turnover_pct", "arrears_pct"],
            "peer_iqr_factor": 1,
        },
        "explanation": "{figure_name} er forværret {n_years} år i træk: fra {prev_value} til "
        "{value}.",
    },
    {
        "code": "R14",
        "name": "Manglende regnskab, møde eller nøgletal",
        "kind": "missing",
        "level": "org",
        "options": {
            "accounts": {"figure": "accounts_received_date", "name": "Regnskabet", "months": 6},
            "meeting": {"figure": "steering_meeting_date", "name": "Styringsdialogmødet"},
            "required": {
                "org": ["tenancy_units", "disp_fund_free_per_unit", "working_capital_per_unit"],
                "estate": ["homes", "area_m2", "rent_per_m2", "vacant_homes"],
            },
        },
        "explanation": "{figure_name} for {year} mangler (frist {deadline}).",
    },
    {
        "code": "R15",
        "name": "Revisors forbehold eller bemærkninger",
        "kind": "absolute",
        "figure": "auditor_remarks",
        "level": "org",
        "yellow_threshold": 0,
        "red_threshold": 1,
        "options": {"red_when_figures": ["auditor_qualified"]},
        "explanation": "Revisor har for {year} taget forbehold eller anført {value} væsentlige "
        "bemærkninger.",
    },
    {
        "code": "R16",
        "name": "Flere samtidige advarsler",
        "kind": "combination",
        "level": "estate",
        "combined_rules": ["R03", "R04", "R05", "R07", "R08", "R09", "R10"],
        "minimum_rules": 3,
        "options": {"severity": "red"},
        "explanation": "{value} samtidige advarsler i {year} ({rules}) kan tyde på økonomiske "
        "vanskeligheder.",
    },
]


def install(apps):
    """Create the default rules that do not exist yet, each with a first revision.

    Works on the migration's historical models, so it builds the revision the way
    `RevisionMixin.save_revision` does.
    """
    FlagRule = apps.get_model("monitoring", "FlagRule")
    KeyFigure = apps.get_model("monitoring", "KeyFigure")
    figures = dict(KeyFigure.objects.values_list("code", "pk"))
    created = []
    for definition in DEFAULT_RULES:
        fields = {k: v for k, v in definition.items() if k not in ("figure", "combined_rules")}
        fields["figure_id"] = figures.get(definition.get("figure"))
        rule, was_created = FlagRule.objects.get_or_create(code=definition["code"], defaults=fields)
        if was_created:
            created.append((rule, definition.get("combined_rules", ())))
    for rule, members in created:
        rule.combined_rules.set(FlagRule.objects.filter(code__in=members))
        save_revision(apps, rule, f"{rule.code} {rule.name}")


def install_actions(apps, replaced_explanations):
    """Give the default rules their handlemuligheder and guidance anchor (where an editor has
    not written any) and the plain-language explanation in place of `replaced_explanations`
    (code → the old default text; an editor's own text stays); a changed rule gets a revision."""
    from .default_actions import DEFAULT_ACTIONS, fields

    FlagRule = apps.get_model("monitoring", "FlagRule")
    explanations = {rule["code"]: rule["explanation"] for rule in DEFAULT_RULES}
    for rule in FlagRule.objects.filter(code__in=DEFAULT_ACTIONS):
        changed = []
        if not rule.actions:
            for name, value in fields(rule.code).items():
                setattr(rule, name, value)
                changed.append(name)
        if rule.explanation == replaced_explanations.get(rule.code):
            rule.explanation = explanations[rule.code]
            changed.append("explanation")
        if changed:
            rule.save(update_fields=changed)
            save_revision(apps, rule, f"{rule.code} {rule.name}")


def save_revision(apps, instance, title):
    """Record `instance` as its latest revision, as `RevisionMixin.save_revision` does, on a
    migration's historical model."""
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    meta = instance._meta
    content_type, _ = ContentType.objects.get_or_create(
        app_label=meta.app_label, model=meta.model_name
    )
    revision = Revision.objects.create(
        content_type=content_type,
        base_content_type=content_type,
        object_id=str(instance.pk),
        created_at=timezone.now(),
        object_str=title,
        content=get_serializable_data_for_fields(instance),
    )
    instance.latest_revision = revision
    instance.save(update_fields=["latest_revision"])
