"""Per-reader queries whose SQL is compiled once per process, set of roles and municipality.

Building and compiling the networks' unread-thread queries and the monitoring case page's flag
through the ORM took longer than running them. The queryset is built once for a stand-in reader
(the reader with another id) and given values as stand-ins (`slots`: numbers no row has, or for
text a string no one types); its SQL and parameters are kept under what decides how the access
policies shape it, the reader's roles and the municipality they are a caseworker of, and each
request puts its own reader and values in their place.
"""

import copy

from django.core.exceptions import EmptyResultSet
from django.db import DEFAULT_DB_ALIAS, connection
from django.db.models import DEFERRED

from portal.access import caseworker_municipality_id, role_key

# Ids no row has, replaced by the reader's id and the values of each request.
_READER = -7_300_000_001
_FIRST_SLOT = -7_300_000_101
_TEXT_SLOT = "\x1fslot-{}\x1f"
_compiled = {}


def _stand_in(value, n):
    return _TEXT_SLOT.format(n) if isinstance(value, str) else _FIRST_SLOT - n


def rows(name, user, build, values=(), window=None):
    """The rows of `build(reader, slots)`, a `values_list` queryset, for `user` and `values`
    (as many slots as values, numbers or text; the same kinds on every call under one `name`);
    `window` = (offset, limit) keeps only those rows of an ordered, unsliced queryset."""
    found = statement(name, user, build, values)
    if found is None:
        return []
    sql, params = found
    if window is not None:
        offset, limit = window
        sql, params = f"{sql} LIMIT %s OFFSET %s", [*params, limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def statement(name, user, build, values=()):
    """The SQL and parameters `rows` runs, for a caller that sends them with another statement
    in one round trip; None when the access policy gives readers with these roles nothing."""
    key = (
        name,
        role_key(user),
        caseworker_municipality_id(user),
        tuple(isinstance(v, str) for v in values),
    )
    if key not in _compiled:
        stand_in = copy.copy(user)
        stand_in.pk = _READER
        slots = [_stand_in(v, n) for n, v in enumerate(values)]
        try:
            _compiled[key] = build(stand_in, slots).query.sql_with_params()
        except EmptyResultSet:
            _compiled[key] = None
    if _compiled[key] is None:
        return None
    sql, params = _compiled[key]
    by_slot = {_READER: user.pk, **{_stand_in(v, n): v for n, v in enumerate(values)}}
    return sql, [by_slot.get(p, p) if isinstance(p, int | str) else p for p in params]


def instance(model, values):
    """A `model` instance of `values` ({attname: value}, the primary key among them) as read
    from the database; its other fields are deferred, read if ever asked for."""
    fields = model._meta.concrete_fields
    return model.from_db(
        DEFAULT_DB_ALIAS, list(values), [values.get(f.attname, DEFERRED) for f in fields]
    )
