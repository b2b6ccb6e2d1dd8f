from django.db import migrations, models

from monitoring.migrations import _frozen


def install(apps, schema_editor):
    _frozen.install_key_figure_decimals(apps.get_model("monitoring", "KeyFigure"))


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0023_styrelse_notes")]
    operations = [
        migrations.AddField(
            model_name="keyfigure",
            name="decimals",
            field=models.PositiveSmallIntegerField(
                default=0,
                help_text="Så mange decimaler vises tallet med på sider, i grafer og i eksporter.",
                verbose_name="decimaler",
            ),
        ),
        migrations.RunPython(install, migrations.RunPython.noop),
    ]
