"""`python -m tests.database_template URL`: a migrated test database at URL (made anew: an SQLite
file or a PostgreSQL database), as pytest-django would make it, for a run's workers to copy
instead of migrating (`TEST_DATABASE_TEMPLATE=URL`, tests/database_setup.py). .ci/run makes the
two suites' templates while `make check` keeps only one core busy."""

import os
import sys
from pathlib import Path

import django


def main(url):
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "sqlite":
        Path(connection.settings_dict["NAME"]).unlink(missing_ok=True)
    else:
        quoted = connection.ops.quote_name(connection.settings_dict["NAME"])
        with connection.creation._nodb_cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {quoted}")
            cursor.execute(f"CREATE DATABASE {quoted}")
    # What `create_test_db` runs (pytest-django's setup without a serialized rollback).
    call_command("migrate", run_syncdb=True, interactive=False, verbosity=0)
    call_command("createcachetable")
    connection.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
