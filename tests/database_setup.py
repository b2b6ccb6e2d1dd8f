"""The test databases, migrated once per run: under pytest-xdist the first worker to get the lock
migrates its database and copies it for the others, which would otherwise spend half a minute
of CPU each on the same 270 migrations. On PostgreSQL the copies are `CREATE DATABASE ...
TEMPLATE`; SQLite's in-memory database goes through a file. With `TEST_DATABASE_TEMPLATE` (the URL
of a database made by tests/database_template.py) every worker copies that one and none
migrates. Without xdist or a template, with `--reuse-db`, `--nomigrations` or a serialized
rollback, pytest-django's own setup runs unchanged.
"""

import contextlib
import fcntl
import os
import sqlite3

import dj_database_url
import pytest
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
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
    copies = not keepdb and django_db_use_migrations and not serialized_aliases
    copies = copies and aliases == {DEFAULT_DB_ALIAS}
    template = os.environ.get("TEST_DATABASE_TEMPLATE")
    verbosity = request.config.option.verbose
    run_dir = tmp_path_factory.getbasetemp().parent
    with django_db_blocker.unblock():
        if copies and template:
            db_cfg = template_setup(dj_database_url.parse(template)["NAME"], run_dir)
        elif copies and worker:
            db_cfg = shared_setup(worker, run_dir, verbosity)
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
        return take_copy(connection, test_name, run_dir / "test-database.sqlite3")


def take_copy(connection, test_name, sqlite_file):
    """Switch the connection to its test database, made already (PostgreSQL), or filled from
    `sqlite_file` (SQLite's in-memory database); for `teardown_databases` to destroy."""
    old_name = connection.settings_dict["NAME"]
    connection.close()
    settings.DATABASES[DEFAULT_DB_ALIAS]["NAME"] = test_name
    connection.settings_dict["NAME"] = test_name
    if connection.vendor == "sqlite":
        with contextlib.closing(sqlite3.connect(sqlite_file)) as copy:
            connection.ensure_connection()
            copy.backup(connection.connection)
    connection.ensure_connection()
    return [(connection, old_name, True)]


def template_setup(template, run_dir):
    """This worker's test database, copied from the template (one worker at a time: PostgreSQL
    copies no template another session is using); it must lack no migration."""
    connection = connections[DEFAULT_DB_ALIAS]
    test_name = connection.creation._get_test_db_name()
    if connection.vendor == "postgresql":
        quote = connection.ops.quote_name
        with open(run_dir / "test-database.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            with connection.creation._nodb_cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS {quote(test_name)}")
                cursor.execute(f"CREATE DATABASE {quote(test_name)} TEMPLATE {quote(template)}")
    db_cfg = take_copy(connection, test_name, template)
    executor = MigrationExecutor(connection)
    missing = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if missing:
        raise RuntimeError(f"{template} lacks {len(missing)} migrations: make it again")
    return db_cfg


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
