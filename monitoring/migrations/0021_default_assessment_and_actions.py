from django.db import migrations

from monitoring.migrations import _frozen


def install(apps, schema_editor):
    _frozen.install_default_actions(apps)
    AssessmentPolicy = apps.get_model("monitoring", "AssessmentPolicy")
    if not AssessmentPolicy.objects.exists():
        policy = AssessmentPolicy.objects.create(name="Samlet vurdering")
        _frozen.save_revision(apps, policy, policy.name)


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0020_assessment"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
