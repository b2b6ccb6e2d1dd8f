"""The default rules' second revision (issue 10): margins before a case closes and limits tuned
on the generated country (docs/flag-cases.md). The values are frozen here, beside the migration,
so later changes to monitoring/default_rules.py cannot change what this migration did."""

from django.db import migrations
from django.utils import timezone
from modelcluster.models import get_serializable_data_for_fields

# Issue 10's tuning on the generated country: margins before a case closes (docs/flag-cases.md)
# and limits that bring red flags to 2–4 % of estates. Each entry is field: (before, after); a
# rule is updated only where editors have not changed those fields since.
R07_OPTIONS = {"red_peer_figure": "ppv_saved_per_home", "red_minimum_age": 40}
R13_FIGURES = ["vacancy_rate_pct", "vacancy_loss_per_m2", "turnover_pct", "arrears_pct"]
TUNING = {
    "R01": {"close_margin": (None, 0.2)},
    # Vacancy comes and goes with single homes: a case goes on until vacancy is below 0.6 %.
    "R03": {"close_margin": (None, 0.7)},
    # Rød only for the worst 0.5 %: P97.5 alone made 2.5 % of estates red.
    "R04": {"close_margin": (None, 0.7), "red_percentile": (97.5, 99.5)},
    # Below 25 homes, one move-out is four points: the rate is noise.
    "R05": {"close_margin": (None, 0.5), "minimum_homes": (None, 25)},
    # Below 75 homes, two or three extra move-outs make +5 points.
    "R06": {"minimum_homes": (50, 75)},
    "R07": {
        "close_margin": (None, 0.2),
        "options": (R07_OPTIONS, {**R07_OPTIONS, "red_minimum_age": 50, "red_peer_percentile": 5}),
    },
    # A deficit of 2–3.5 % of a year's rent is repaid within the budget rules: gul; above, rød.
    "R08": {
        "close_margin": (None, 0.5),
        "yellow_threshold": (None, 2),
        "red_threshold": (2, 3.5),
    },
    # A deficit of a few kroner is budget noise: a deficit counts from 0.5 % of the rent roll.
    "R09": {
        "figure": ("annual_result_kr", "annual_result_pct"),
        "yellow_threshold": (0, -0.5),
        "explanation": (
            "Afdelingen har haft underskud {n_years} år i træk.",
            "Afdelingen har haft underskud (resultat under {threshold} % af årslejen) {n_years} år "
            "i træk.",
        ),
    },
    "R11": {"close_margin": (None, 0.05)},
    "R12": {"close_margin": (None, 0.1)},
    # Worse three years running by more than twice the peers' interquartile range.
    "R13": {
        "options": (
            {"figures": R13_FIGURES, "peer_iqr_factor": 1},
            {"figures": R13_FIGURES, "peer_iqr_factor": 2},
        )
    },
}


def tune(apps, schema_editor):
    """Apply `tuning` to the stored rules still at the values it replaces, each as a revision."""
    FlagRule = apps.get_model("monitoring", "FlagRule")
    KeyFigure = apps.get_model("monitoring", "KeyFigure")
    figures = dict(KeyFigure.objects.values_list("code", "pk"))
    for code, changes in TUNING.items():
        rule = FlagRule.objects.filter(code=code).first()
        if rule is None:
            continue
        current = {name: _stored(rule, name) for name in changes}
        if any(current[name] != before for name, (before, _after) in changes.items()):
            continue
        for name, (_before, after) in changes.items():
            if name == "figure":
                rule.figure_id = figures[after]
            else:
                setattr(rule, name, after)
        rule.save()
        _save_revision(apps, rule)


def _stored(rule, name):
    if name == "figure":
        return rule.figure.code if rule.figure_id else None
    return getattr(rule, name)


def _save_revision(apps, rule):
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="monitoring", model="flagrule")
    revision = Revision.objects.create(
        content_type=content_type,
        base_content_type=content_type,
        object_id=str(rule.pk),
        created_at=timezone.now(),
        object_str=f"{rule.code} {rule.name}",
        content=get_serializable_data_for_fields(rule),
    )
    rule.latest_revision = revision
    rule.save(update_fields=["latest_revision"])


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0007_flag_case_required")]
    operations = [migrations.RunPython(tune, migrations.RunPython.noop)]
