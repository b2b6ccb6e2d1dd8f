from django.db import migrations

from monitoring.migrations import _frozen


def install(apps, schema_editor):
    _frozen.install_key_figures(
        apps.get_model("monitoring", "KeyFigure"), apps.get_model("monitoring", "StatutoryRate")
    )


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0001_initial")]
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
