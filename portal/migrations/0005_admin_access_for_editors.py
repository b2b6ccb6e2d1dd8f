from django.db import migrations

from portal.migrations import _frozen as roles

# Editors and approvers write and approve content in the Wagtail admin, so their roles open it.
ROLES_WITH_ADMIN_ACCESS = [roles.EDITOR, roles.APPROVER]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    roles.install_groups(Group)
    content_type, _created = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _created = Permission.objects.get_or_create(
        content_type=content_type, codename="access_admin", defaults={"name": "access_admin"}
    )
    for group in Group.objects.filter(name__in=ROLES_WITH_ADMIN_ACCESS):
        group.permissions.add(access_admin)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if access_admin is not None:
        for group in apps.get_model("auth", "Group").objects.filter(
            name__in=ROLES_WITH_ADMIN_ACCESS
        ):
            group.permissions.remove(access_admin)


class Migration(migrations.Migration):
    dependencies = [("portal", "0004_municipalities_and_roles")]

    operations = [migrations.RunPython(grant, revoke)]
