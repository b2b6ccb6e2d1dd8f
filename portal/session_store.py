"""Django's database sessions, read with SQL written once per process.

A signed-in request reads its session first of all; through the ORM, building and compiling
that one lookup cost more than running it. The row is the same one Django's store reads (the
key, unexpired), so logging out, rotating the key and expiry behave as Django's; everything
but the read is Django's."""

import functools

from django.contrib.sessions.backends import db
from django.db import connection
from django.utils import timezone


class SessionStore(db.SessionStore):
    def load(self):
        with connection.cursor() as cursor:
            cursor.execute(_read_sql(self.model), [self.session_key, timezone.now()])
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return {}
        return self.decode(row[0])


@functools.cache
def _read_sql(model):
    meta, name = model._meta, connection.ops.quote_name

    def column(field):
        return name(meta.get_field(field).column)

    return (
        f"SELECT {column('session_data')} FROM {name(meta.db_table)}"
        f" WHERE {column('session_key')} = %s AND {column('expire_date')} > %s"
    )
