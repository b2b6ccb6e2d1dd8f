"""A data migration of the default rules, run with Django's migration executor: it changes the
rules still at their old defaults, each with a revision, and leaves an editor's own value."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.operations import RunPython

from monitoring.models import FlagRule

# Migrating back and forth commits: the database is flushed afterwards.
pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = ("monitoring", "0025_follow_up_submission_token")
AFTER = ("monitoring", "0026_rule_guidance_anchors")


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.migrate([target] if target else executor.loader.graph.leaf_nodes())


# The data migrations that install and change the default rules before BEFORE.
RULE_MIGRATIONS = [
    ("monitoring", "0005_default_rules"),
    ("monitoring", "0008_default_rule_tuning"),
    ("monitoring", "0021_default_assessment_and_actions"),
]


def reinstall_default_rules():
    """Run the rules' data migrations again, on the models at BEFORE (the database's columns): a
    database flushed by an earlier test has lost the rules they installed."""
    loader = MigrationExecutor(connection).loader
    models = loader.project_state(BEFORE).apps
    with connection.schema_editor() as schema_editor:
        for key in RULE_MIGRATIONS:
            for operation in loader.graph.nodes[key].operations:
                if isinstance(operation, RunPython):
                    operation.code(models, schema_editor)


@pytest.fixture
def before_anchors():
    """The database at BEFORE, with its default rules; migrated to the latest state again
    afterwards."""
    migrate(BEFORE)
    if not FlagRule.objects.exists():
        reinstall_default_rules()
    yield
    migrate(None)


def anchors():
    return dict(FlagRule.objects.values_list("code", "guidance_anchor"))


def test_guidance_anchors_migration_fills_only_the_defaults(before_anchors):
    FlagRule.objects.filter(code="R02").update(guidance_anchor="eget-afsnit")
    assert anchors()["R01"] == ""
    assert anchors()["R10"] == "underskud-i-afdelingen"
    revisions = FlagRule.objects.get(code="R01").revisions.count()

    migrate(AFTER)

    after = anchors()
    assert after["R01"] == "nar-fonden-er-lav"
    assert after["R10"] == "nar-huslejen-stiger"
    assert after["R02"] == "eget-afsnit"
    assert after["R03"] == "hvorfor-det-er-vigtigt"
    rule = FlagRule.objects.get(code="R01")
    assert rule.revisions.count() == revisions + 1
    assert rule.latest_revision.content["guidance_anchor"] == "nar-fonden-er-lav"
