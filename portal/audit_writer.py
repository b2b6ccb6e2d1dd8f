"""Writes a request's audit events on a database connection of its own while the page is built,
and waits for them before the response leaves (`AuditContextMiddleware`). Every event is
committed, on disk, before anyone sees what it records, as before; but PostgreSQL's wait for the
disk (milliseconds on a busy machine) overlaps the page's own work instead of adding to it. The
insert is sent without waiting and its result read at the end: no thread, so nothing waits for
Python's interpreter lock.

Only where that can be true: on PostgreSQL, and outside a transaction (a request's writes in a
transaction keep their event in it, rolled back with it; SQLite has no round trip to hide)."""

import os
import threading
import time

from django.db import DatabaseError, connection, connections
from django.db.models.sql import InsertQuery
from psycopg import ClientCursor
from psycopg.pq import ExecStatus, TransactionStatus

_local = threading.local()


def can_write_alongside():
    return connection.vendor == "postgresql" and not connection.in_atomic_block


def send(instance):
    """Send the insert of the unsaved `instance` on the side connection; returns what `wait_for`
    needs to read its result."""
    side = _side_connection()
    meta = type(instance)._meta
    try:
        query = InsertQuery(type(instance))
        query.insert_values([f for f in meta.local_concrete_fields if f is not meta.pk], [instance])
        ((sql, params),) = query.get_compiler(connection=side).as_sql()
        side.connection.pgconn.send_query(
            ClientCursor(side.connection).mogrify(sql, params).encode()
        )
    except Exception:
        _forget(side)
        raise
    return side


def wait_for(pending):
    """Read the result of every insert in `pending`; the first failure is raised, so a page
    whose event was not written is not shown."""
    for side in pending:
        try:
            error = _drain(side)
        except Exception:
            _forget(side)
            raise
        if error:
            _forget(side)
            raise DatabaseError(f"audit event not written: {error}")


def _drain(side):
    """The error of the connection's sent statement, or '' once it is committed; leaves the
    connection idle."""
    error, committed = "", False
    pgconn = side.connection.pgconn
    while (result := pgconn.get_result()) is not None:
        if result.status == ExecStatus.COMMAND_OK:
            committed = True
        else:
            error = error or result.error_message.decode() or "failed"
    return error or ("" if committed else pgconn.error_message.decode() or "no result")


def _side_connection():
    """This thread's side connection, opened on first use (after a server forks its workers)
    and replaced after CONN_MAX_AGE, as the request's own is."""
    side = getattr(_local, "side", None)
    if side is not None and _local.pid != os.getpid():
        side = None  # the parent's, whose socket a forked worker must leave alone
    if side is not None and side.close_at is not None and time.monotonic() >= side.close_at:
        _forget(side)
        side = None
    if side is not None and side.connection.pgconn.transaction_status == TransactionStatus.ACTIVE:
        _drain(side)  # an insert whose request ended before reading its result
    if side is None:
        side = connections.create_connection("default")
        side.ensure_connection()
        _local.side, _local.pid = side, os.getpid()
    return side


def _forget(side):
    if getattr(_local, "side", None) is side:
        _local.side = None
    try:
        side.close()
    except DatabaseError:
        pass
