from django.db import migrations

from monitoring.migrations import _frozen


def install(apps, schema_editor):
    _frozen.install_default_rules(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0004_lean_value_indexes"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
