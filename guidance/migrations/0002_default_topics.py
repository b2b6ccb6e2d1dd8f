from django.db import migrations

from guidance.topics_data import DEFAULT_TOPICS


def install_topics(apps, schema_editor):
    Topic = apps.get_model("guidance", "Topic")
    for order, (slug, name, description) in enumerate(DEFAULT_TOPICS, start=1):
        Topic.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": order}
        )


def remove_topics(apps, schema_editor):
    Topic = apps.get_model("guidance", "Topic")
    Topic.objects.filter(slug__in=[slug for slug, _n, _d in DEFAULT_TOPICS]).delete()


class Migration(migrations.Migration):
    dependencies = [("guidance", "0001_initial")]

    operations = [migrations.RunPython(install_topics, remove_topics)]
