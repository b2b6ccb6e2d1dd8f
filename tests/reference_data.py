"""The rows the data migrations install, for tests whose database was flushed."""

import importlib

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, Page

from portal import municipality_data, roles
from portal.models import Municipality, MunicipalityDomain

editorial_workflow = importlib.import_module("portal.migrations.0007_editorial_workflow")


def install_reference_data():
    """Role groups (editors and approvers with admin access, page and media permissions and the
    approval workflow) and municipalities, as the migrations install them (idempotent)."""
    roles.install_groups(Group)
    if Page.objects.exists() and Collection.objects.exists():
        editorial_workflow.install(apps, None)
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for group in Group.objects.filter(name__in=[roles.EDITOR, roles.APPROVER]):
        group.permissions.add(access_admin)
    municipality_data.install(Municipality, MunicipalityDomain)
