"""`flush` for the test suite: on PostgreSQL, DELETE the rows of the tables that have any.

Django's flush, run after every transactional test, TRUNCATEs all ~130 tables, and PostgreSQL
replaces the files of each table and index: seconds per test. A test leaves rows in a few dozen
tables; deleting them is ten times faster and leaves the same empty database (the foreign keys
are deferred, so the order does not matter). Sequences are not reset, as in the test's flush.
Skipped while deferred (below). Each flush is noted (`emptied`), so the rows the data migrations
installed are put back only after one (tests/reference_data.py).
"""

from django.core.management.commands import flush
from django.core.management.sql import emit_post_migrate_signal
from django.db import connections, transaction


def tables_with_rows(connection):
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            " UNION ALL ".join(
                f"SELECT %s WHERE EXISTS (SELECT FROM {quote(table)})" for table in tables
            ),
            tables,
        )
        return [table for (table,) in cursor.fetchall()]


class Command(flush.Command):
    # True while a module's live server keeps the module's data (tests/browser/conftest.py):
    # the flush after each of its tests is skipped, and the module flushes once after the last.
    deferred = False
    # Whether the database may lack the data migrations' rows: true in a new process and after
    # each flush, false once `install_migration_rows` has committed them.
    emptied = True

    def handle(self, **options):
        if Command.deferred:
            return
        Command.emptied = True
        database = options["database"]
        connection = connections[database]
        if (
            connection.vendor != "postgresql"
            or options["interactive"]
            or options.get("reset_sequences", True)
            or options.get("allow_cascade", False)
        ):
            return super().handle(**options)
        with transaction.atomic(using=database), connection.cursor() as cursor:
            for table in tables_with_rows(connection):
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")
        if not options.get("inhibit_post_migrate", False):
            emit_post_migrate_signal(options["verbosity"], False, database)
