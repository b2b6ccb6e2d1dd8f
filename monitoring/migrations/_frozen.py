"""What monitoring's data migrations install, as it was when they were written.

A migration must install the same rows whenever it runs, so it reads the files in `data/`,
never the live modules (`monitoring.key_figures_data`, the flag rules' first defaults): changing
what a migration installed needs a new migration. (A leading underscore keeps Django from loading this as a migration.)
"""

import json
from pathlib import Path

from django.utils import timezone
from modelcluster.models import get_serializable_data_for_fields

DATA = Path(__file__).parent / "data"


def install_key_figures(KeyFigure, StatutoryRate):
    """Create or update the key-figure catalogue and the statutory rates of migration 0002."""
    data = json.loads((DATA / "0002_key_figures.json").read_text(encoding="utf-8"))
    for order, figure in enumerate(data["key_figures"]):
        KeyFigure.objects.update_or_create(
            code=figure["code"],
            defaults={
                "name": figure["name"],
                "unit": figure["unit"],
                "for_estates": "A" in figure["levels"],
                "for_organisations": "O" in figure["levels"],
                "direction": figure["direction"],
                "kind": figure["kind"],
                "derived": figure["derived"],
                "description": figure["description"],
                "sort_order": order,
            },
        )
    for year, rates in data["statutory_rates"].items():
        StatutoryRate.objects.update_or_create(
            year=int(year), defaults=dict(zip(data["rate_fields"], rates, strict=True))
        )


def install_key_figure_decimals(KeyFigure):
    """Set the decimals each figure is shown with, as migration 0024 chose them."""
    data = json.loads((DATA / "0024_key_figure_decimals.json").read_text(encoding="utf-8"))
    for code, decimals in data["decimals"].items():
        KeyFigure.objects.filter(code=code).update(decimals=decimals)


def install_default_rules(apps):
    """Create the default rules R01–R16 of migration 0005 that do not exist yet, each with a
    first revision."""
    FlagRule = apps.get_model("monitoring", "FlagRule")
    KeyFigure = apps.get_model("monitoring", "KeyFigure")
    figures = dict(KeyFigure.objects.values_list("code", "pk"))
    data = json.loads((DATA / "0005_default_rules.json").read_text(encoding="utf-8"))
    created = []
    for definition in data["rules"]:
        fields = {k: v for k, v in definition.items() if k not in ("figure", "combined_rules")}
        fields["figure_id"] = figures.get(definition.get("figure"))
        rule, was_created = FlagRule.objects.get_or_create(code=definition["code"], defaults=fields)
        if was_created:
            created.append((rule, definition.get("combined_rules", ())))
    for rule, members in created:
        rule.combined_rules.set(FlagRule.objects.filter(code__in=members))
        save_revision(apps, rule, f"{rule.code} {rule.name}")


def install_default_actions(apps):
    """Give the default rules migration 0021's handlemuligheder and guidance anchor (where an
    editor has written none) and its plain-language explanation in place of the old percentile
    text (where the editors kept that); a changed rule gets a revision."""
    FlagRule = apps.get_model("monitoring", "FlagRule")
    data = json.loads((DATA / "0021_default_actions.json").read_text(encoding="utf-8"))
    for rule in FlagRule.objects.filter(code__in=data["actions"]):
        changed = []
        if not rule.actions:
            for name, value in data["actions"][rule.code].items():
                setattr(rule, name, value)
                changed.append(name)
        before, after = data["explanations"].get(rule.code, (None, None))
        if rule.explanation == before:
            rule.explanation = after
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


def change_rules(apps, changes):
    """Apply `changes` (code → {field: (before, after)}) to the stored rules whose fields all
    still hold the value before, each changed rule with a revision: an editor's own value stays."""
    FlagRule = apps.get_model("monitoring", "FlagRule")
    for rule in FlagRule.objects.filter(code__in=changes):
        fields = changes[rule.code]
        if any(getattr(rule, name) != before for name, (before, _after) in fields.items()):
            continue
        for name, (_before, after) in fields.items():
            setattr(rule, name, after)
        rule.save(update_fields=list(fields))
        save_revision(apps, rule, f"{rule.code} {rule.name}")
