"""The figure each flag's value is of; flags stored before get their rule's until re-evaluated."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def rules_figure(apps, schema_editor):
    Flag = apps.get_model("monitoring", "Flag")
    FlagRule = apps.get_model("monitoring", "FlagRule")
    figure = FlagRule.objects.filter(pk=OuterRef("rule_id")).values("figure_id")
    Flag.objects.update(figure_id=Subquery(figure))


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0028_evaluation"),
    ]

    operations = [
        migrations.AddField(
            model_name="flag",
            name="figure",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="monitoring.keyfigure",
                verbose_name="nøgletal",
            ),
        ),
        migrations.RunPython(rules_figure, migrations.RunPython.noop),
    ]
