from django.db import migrations


def install(apps, schema_editor):
    from monitoring import key_figures_data

    key_figures_data.install(
        apps.get_model("monitoring", "KeyFigure"), apps.get_model("monitoring", "StatutoryRate")
    )


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0001_initial")]
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
