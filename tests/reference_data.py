"""The rows the data migrations install, for tests whose database was flushed."""

import importlib

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.db import connection
from wagtail.models import Collection, Locale, Page

from guidance.models import Topic
from guidance.topics_data import DEFAULT_TOPICS
from monitoring import key_figures_data
from monitoring.models import KeyFigure, StatutoryRate
from portal import municipality_data, roles
from portal.models import Municipality, MunicipalityDomain
from tests.database_flush.management.commands import flush

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


def install_migration_rows():
    """Every row the data migrations install, put back after a flush (idempotent): the page and
    collection roots, topics, the reference data above and the key-figure catalogue. Skipped
    when no flush has emptied the database since they were committed: every test that commits
    ends with a flush, so they are still as installed (checking costs 900 queries)."""
    if not flush.Command.emptied:
        return
    if not Page.objects.exists():
        locale, _created = Locale.objects.get_or_create(language_code="da")
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    for order, (slug, name, description) in enumerate(DEFAULT_TOPICS, start=1):
        Topic.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": order}
        )
    install_reference_data()
    key_figures_data.install(KeyFigure, StatutoryRate)
    flush.Command.emptied = connection.in_atomic_block  # rolled back with the block
