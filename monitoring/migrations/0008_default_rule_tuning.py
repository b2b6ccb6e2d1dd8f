"""The default rules' second revision (issue 10): margins before a case closes and limits tuned
on the generated country (monitoring/default_rules.py, TUNING; docs/flag-cases.md)."""

from django.db import migrations


def tune(apps, schema_editor):
    from monitoring.default_rules import tune as tune_default_rules

    tune_default_rules(apps)


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0007_flag_case_required")]
    operations = [migrations.RunPython(tune, migrations.RunPython.noop)]
