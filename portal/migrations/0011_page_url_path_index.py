"""An index on pages' `url_path`.

Routing reads the page it serves by its `url_path` (`GuidanceIndexPage.route`, and the sections
on the way in `portal.routing`), which Wagtail does not index: without this each signed-in
guidance page read every page row (5,600 in the benchmark). Wagtail's table, so plain SQL.
"""

from django.db import migrations

CREATE = "CREATE INDEX IF NOT EXISTS portal_page_url_path_idx ON wagtailcore_page (url_path)"
DROP = "DROP INDEX IF EXISTS portal_page_url_path_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0010_monitoring_viewed_audit_kind"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunSQL(CREATE, DROP, elidable=False)]
