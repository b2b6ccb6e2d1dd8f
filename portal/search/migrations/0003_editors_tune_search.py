from django.db import migrations

from portal.migrations import _frozen as roles

# Editors and approvers keep the synonyms and recommended results.
ROLES = [roles.EDITOR, roles.APPROVER]
MODELS = ["searchsynonym", "promotedresult"]
ACTIONS = ["add", "change", "delete", "view"]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    roles.install_groups(Group)
    permissions = []
    for model in MODELS:
        content_type, _created = ContentType.objects.get_or_create(
            app_label="portal_search", model=model
        )
        for action in ACTIONS:
            permission, _created = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            permissions.append(permission)
    for group in Group.objects.filter(name__in=ROLES):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="portal_search", content_type__model__in=MODELS
    )
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("portal_search", "0002_seed_synonyms"),
        ("portal", "0007_editorial_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
