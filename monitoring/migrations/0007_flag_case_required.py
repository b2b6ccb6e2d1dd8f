"""Every flag and every follow-up step belongs to a case (filled by 0006, in its own transaction:
PostgreSQL alters no table with pending deferred constraint checks); the follow-up fields leave
the flag."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0006_flag_cases")]

    operations = [
        migrations.RemoveField(model_name="flag", name="assigned_to"),
        migrations.RemoveField(model_name="flag", name="status"),
        migrations.AlterField(
            model_name="flag",
            name="case",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="flags",
                to="monitoring.flagcase",
                verbose_name="sag",
            ),
        ),
        migrations.AlterField(
            model_name="flagevent",
            name="case",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="events",
                to="monitoring.flagcase",
            ),
        ),
    ]
