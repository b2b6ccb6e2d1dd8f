"""The rows the data migrations install, for tests whose database was flushed."""

from django.contrib.auth.models import Group, Permission

from portal import municipality_data, roles
from portal.models import Municipality, MunicipalityDomain


def install_reference_data():
    """Role groups (editors and approvers with admin access) and municipalities, as the
    migrations install them (idempotent)."""
    roles.install_groups(Group)
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for group in Group.objects.filter(name__in=[roles.EDITOR, roles.APPROVER]):
        group.permissions.add(access_admin)
    municipality_data.install(Municipality, MunicipalityDomain)
