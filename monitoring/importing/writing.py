"""Replacing a year's key-figure values: COPY on PostgreSQL, one prepared INSERT elsewhere."""

import io

from django.db import connection

from monitoring import planner
from monitoring.models import KeyFigureValue

COLUMNS = ["figure_id", "year", "organisation_id", "estate_id", "value", "batch_id"]


def replace_year(year, values, batch):
    """Delete the year's values and write `values` (a long frame) in their place.

    The caller holds the transaction, so a failure leaves the old values.
    """
    _delete_year(year)
    rows = values.assign(year=year, batch_id=batch.pk)[COLUMNS]
    if connection.vendor == "postgresql":
        _copy(rows)
    else:
        _insert(rows)
    planner.analyse(KeyFigureValue)
    return len(rows)


def _delete_year(year):
    """One DELETE statement: the portal's catch-all post_delete receivers would otherwise make
    Django load and delete a whole year's rows one batch of primary keys at a time."""
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {KeyFigureValue._meta.db_table} WHERE year = %s", [year])


def _insert(rows):
    """One prepared INSERT executed for every row: no model instance per value."""
    table = KeyFigureValue._meta.db_table
    placeholders = ", ".join(["%s"] * len(COLUMNS))
    plain = rows.astype(object).where(rows.notna(), None)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({', '.join(COLUMNS)}) VALUES ({placeholders})",
            list(plain.itertuples(index=False, name=None)),
        )


def _copy(rows):
    """Stream the rows as tab-separated text into COPY: one round trip, no per-row Python."""
    buffer = io.StringIO()
    rows.to_csv(buffer, sep="\t", header=False, index=False, na_rep="\\N")
    table = KeyFigureValue._meta.db_table
    with connection.cursor() as cursor:
        with cursor.copy(f"COPY {table} ({', '.join(COLUMNS)}) FROM STDIN") as copy:
            copy.write(buffer.getvalue())
