"""The test databases, migrated once per run: under pytest-xdist the first worker to get the lock
migrates its database and copies it for the others, which would otherwise spend half a minute
of CPU each on the same 270 migrations. On PostgreSQL the copies are `CREATE DATABASE ...
TEMPLATE`; SQLite's in-memory database goes through a file. Without xdist, with `--reuse-db`,
`--nomigrations` or a serialized rollback, pytest-django's own setup runs unchanged.
"""

import contextlib
import fcntl
import sqlite3

import pytest
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.test.utils import setup_databases, teardown_databases
from pytest_django.fixtures import _disable_migrations, _get_databases_for_setup


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_use_migrations,
    django_db_keepdb,
    django_db_createdb,
    django_db_modify_db_settings,
    tmp_path_factory,
):
    """pytest-django's `django_db_setup`, with the migrated database shared between workers."""
    if not django_db_use_migrations:
        _disable_migrations()
    keepdb = django_db_keepdb and not django_db_createdb
    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    worker = getattr(request.config, "workerinput", None)
    shared = worker and not keepdb and django_db_use_migrations and not serialized_aliases
    verbosity = request.config.option.verbose
    with django_db_blocker.unblock():
        if shared and aliases == {DEFAULT_DB_ALIAS}:
            db_cfg = shared_setup(worker, tmp_path_factory.getbasetemp().parent, verbosity)
        else:
            db_cfg = setup_databases(
                verbosity=verbosity,
                interactive=False,
                aliases=aliases,
                serialized_aliases=serialized_aliases,
                keepdb=keepdb,
            )
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock():
            end_other_sessions()
            teardown_databases(db_cfg, verbosity=verbosity)


def end_other_sessions():
    """End the sessions tests' threads left open on a PostgreSQL test database (a concurrency
    test's requests, a live server's), which would make PostgreSQL refuse to drop it."""
    for connection in connections.all():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )


def shared_setup(worker, run_dir, verbosity):
    """Under a lock in the run's temporary directory (shared by its workers): the first worker
    migrates and leaves a copy for every other worker; the others take theirs."""
    connection = connections[DEFAULT_DB_ALIAS]
    with open(run_dir / "test-database.lock", "w") as lock, contextlib.ExitStack() as stack:
        fcntl.flock(lock, fcntl.LOCK_EX)
        stack.callback(fcntl.flock, lock, fcntl.LOCK_UN)
        ready = run_dir / "test-database.ready"
        test_name = connection.creation._get_test_db_name()
        if not ready.exists() or not copied(connection, test_name):
            db_cfg = setup_databases(
                verbosity=verbosity,
                interactive=False,
                aliases={DEFAULT_DB_ALIAS},
                serialized_aliases=set(),
            )
            if not ready.exists():
                copy_out(connection, worker, run_dir / "test-database.sqlite3")
                ready.touch()
            return db_cfg
        old_name = connection.settings_dict["NAME"]
        connection.close()
        settings.DATABASES[DEFAULT_DB_ALIAS]["NAME"] = test_name
        connection.settings_dict["NAME"] = test_name
        if connection.vendor == "sqlite":
            with contextlib.closing(sqlite3.connect(run_dir / "test-database.sqlite3")) as copy:
                connection.ensure_connection()
                copy.backup(connection.connection)
        connection.ensure_connection()
        return [(connection, old_name, True)]


def copied(connection, test_name):
    """Whether the first worker made this worker's database (not if xdist replaced a worker)."""
    if connection.vendor == "sqlite":
        return True
    with connection.creation._nodb_cursor() as cursor:
        return connection.creation._database_exists(cursor, test_name)


def copy_out(connection, worker, path):
    """PostgreSQL: the database of every other worker, made from this one's; SQLite: a file."""
    if connection.vendor == "sqlite":
        with contextlib.closing(sqlite3.connect(path)) as copy:
            connection.connection.backup(copy)
        return
    name = connection.settings_dict["NAME"]
    base = name.removesuffix(worker["workerid"])
    quote = connection.ops.quote_name
    connection.close()
    with connection.creation._nodb_cursor() as cursor:
        for number in range(worker["workercount"]):
            other = f"{base}gw{number}"
            if other != name:
                cursor.execute(f"DROP DATABASE IF EXISTS {quote(other)}")
                cursor.execute(f"CREATE DATABASE {quote(other)} TEMPLATE {quote(name)}")
