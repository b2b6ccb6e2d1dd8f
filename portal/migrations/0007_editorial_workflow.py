"""Editorial permissions and the two-step workflow: an editor submits, an approver publishes.

Wagtail's default "Editors" and "Moderators" groups and their workflow are removed, so that the
portal's roles are the only way to get page permissions.
"""

from django.db import migrations

from portal.migrations import _frozen as roles

WORKFLOW = "Redaktionel godkendelse"
TASK = "Godkendelse ved ansvarlig godkender"
PAGE_PERMISSIONS = {
    roles.EDITOR: ["add_page", "change_page", "lock_page", "unlock_page"],
    roles.APPROVER: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
MEDIA_PERMISSIONS = ["add", "change", "choose"]
SNIPPETS = [("guidance", "topic"), ("guidance", "speaker"), ("monitoring", "flagrule")]


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, _created = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename}
    )
    return found


def install(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    roles.install_groups(Group)
    root = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)

    for wagtail_group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        GroupApprovalTask.objects.filter(groups=wagtail_group).update(active=False)
        wagtail_group.delete()
    Workflow.objects.exclude(name=WORKFLOW).filter(workflow_pages__page=root).update(active=False)
    WorkflowPage.objects.filter(page=root).exclude(workflow__name=WORKFLOW).delete()

    for role, codenames in PAGE_PERMISSIONS.items():
        group = Group.objects.get(name=role)
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root, permission=permission(apps, "wagtailcore", "page", codename)
            )
        for model in ("portalimage", "portaldocument"):
            for action in MEDIA_PERMISSIONS:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=permission(apps, "portal", model, f"{action}_{model}"),
                )
        for app_label, model in SNIPPETS:
            for action in ("add", "change", "delete"):
                group.permissions.add(permission(apps, app_label, model, f"{action}_{model}"))

    task_type, _created = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _created = GroupApprovalTask.objects.get_or_create(
        name=TASK, defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([Group.objects.get(name=roles.APPROVER)])
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0006_choose_media_permissions"),
        ("guidance", "0003_events"),
        ("monitoring", "0002_key_figures_and_rates"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
