"""The match index keyed by content type too, so a search of one type reads only its entries.

A tab's count (the *Netværk* threads, the *Organisationer*) asked the GIN index of 0007 for
every matching entry, pages' included, and then intersected them with the type's entries: for
a query of the benchmark's content, 6,154 entries for 2,191 threads. Indexed by (content type,
document), with `btree_gin` for the type, the index answers both at once; a search of all page
types still uses it for the document alone. Where `btree_gin` (PostgreSQL's contrib, a trusted
extension) cannot be created, 0007's index stays. SQLite and other databases are left alone.
"""

from django.db import DatabaseError, migrations, transaction

TABLE = "wagtailsearch_indexentry"
DOCUMENT = "portal_search_document(title, body)"
INDEX = "portal_search_entry_type_document_gin"
OLD_INDEX = "portal_search_entry_document_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
    except DatabaseError:
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} USING gin (content_type_id, {DOCUMENT})"
    )
    schema_editor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX}")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {OLD_INDEX} ON {TABLE} USING gin ({DOCUMENT})"
    )
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0007_entry_vectors_inline")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
