"""The index entries' vectors read in place, and the match always answered by its index.

A search ranks every match by its body vector. Wagtail's entry row also holds the body's plain
text, so PostgreSQL moved the body vector out to TOAST storage and read it back for every match
(10,700 buffers for 4,000 matches on the benchmark's content). Stored `MAIN`, the body stays in
the row (compressed in place up to a page), and the plain text goes out first.

The match vector (`title || body`) is built by `portal_search_document`, a function whose cost
PostgreSQL knows: concatenating two vectors costs far more than the planner assumes of an
operator, and on a compact table it chose to build the vector for every row instead of asking
the GIN index (40 ms instead of 5 for 5,600 pages). Parallel workers cost more to start than
such a short query saves, so the table gets none. SQLite and other databases are left alone.
"""

from django.db import migrations

TABLE = "wagtailsearch_indexentry"
FUNCTION = "portal_search_document"
INDEX = "portal_search_entry_document_gin"
OLD_INDEX = "portal_search_entry_vector_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE OR REPLACE FUNCTION {FUNCTION}(title tsvector, body tsvector) "
        "RETURNS tsvector LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 1000 "
        "AS $$ BEGIN RETURN title || body; END $$"
    )
    schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN body SET STORAGE MAIN")
    schema_editor.execute(f"ALTER TABLE {TABLE} SET (parallel_workers = 0)")
    # Rows already written keep their body out of line until written again.
    schema_editor.execute(f"UPDATE {TABLE} SET body = body || ''::tsvector")
    schema_editor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX}")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} USING gin ({FUNCTION}(title, body))"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {OLD_INDEX} ON {TABLE} USING gin ((title || body))"
    )
    schema_editor.execute(f"ALTER TABLE {TABLE} RESET (parallel_workers)")
    schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN body SET STORAGE EXTENDED")
    schema_editor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}(tsvector, tsvector)")


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0006_page_texts")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
