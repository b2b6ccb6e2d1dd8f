from django.db import migrations

from portal.migrations import _frozen as roles

# Permissions per role beyond what the editorial workflow migration gives editors and approvers.
ADMINISTRATOR_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("portal", "user", "add_user"),
    ("portal", "user", "change_user"),
    ("portal", "user", "delete_user"),
    ("portal", "user", "view_user"),
    ("auth", "group", "add_group"),
    ("auth", "group", "change_group"),
    ("auth", "group", "view_group"),
    ("portal", "municipality", "add_municipality"),
    ("portal", "municipality", "change_municipality"),
    ("portal", "municipality", "view_municipality"),
]


def install(apps, schema_editor):
    roles.install_municipalities(
        apps.get_model("portal", "Municipality"), apps.get_model("portal", "MunicipalityDomain")
    )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    roles.install_groups(Group)
    administrators = Group.objects.get(name=roles.ADMINISTRATOR)
    for app_label, model, codename in ADMINISTRATOR_PERMISSIONS:
        content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": codename}
        )
        administrators.permissions.add(permission)


def uninstall(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=[roles.MEMBER, roles.CASEWORKER, roles.ADMINISTRATOR]
    ).delete()
    apps.get_model("portal", "Municipality").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_accounts_municipalities_audit"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
