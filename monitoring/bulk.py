"""Update many rows with different values in few statements.

Django's bulk_update builds a CASE WHEN per field and row in Python, which costs seconds for a
few thousand flags. Here PostgreSQL gets one UPDATE … FROM (VALUES …) per batch; other databases
one prepared UPDATE executed for every row.
"""

from django.db import connection

# Parameters per statement stay well below PostgreSQL's limit of 65,535.
PARAMETERS = 30000


def update_rows(model, fields, rows):
    """Set `fields` (attribute names) of each row: `rows` holds (pk, value, …) tuples."""
    if not rows:
        return
    columns = [model._meta.get_field(name) for name in fields]
    prepared = [
        (
            pk,
            *(
                field.get_db_prep_save(value, connection)
                for field, value in zip(columns, values, strict=True)
            ),
        )
        for pk, *values in rows
    ]
    table = connection.ops.quote_name(model._meta.db_table)
    pk = connection.ops.quote_name(model._meta.pk.column)
    names = [connection.ops.quote_name(field.column) for field in columns]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            _update_from_values(cursor, table, pk, names, columns, prepared)
        else:
            assignments = ", ".join(f"{name} = %s" for name in names)
            cursor.executemany(
                f"UPDATE {table} SET {assignments} WHERE {pk} = %s",
                [(*values, key) for key, *values in prepared],
            )


def _update_from_values(cursor, table, pk, names, columns, rows):
    """The values travel untyped; the SET clause casts each to its column's type."""
    assignments = ", ".join(
        f"{name} = CAST(v.c{i} AS {field.cast_db_type(connection)})"
        for i, (name, field) in enumerate(zip(names, columns, strict=True))
    )
    aliases = ", ".join(f"c{i}" for i in range(len(names)))
    row = "(" + ", ".join(["%s"] * (len(names) + 1)) + ")"
    size = max(1, PARAMETERS // (len(names) + 1))
    for start in range(0, len(rows), size):
        batch = rows[start : start + size]
        cursor.execute(
            f"UPDATE {table} SET {assignments} "
            f"FROM (VALUES {', '.join([row] * len(batch))}) AS v(pk, {aliases}) "
            f"WHERE {table}.{pk} = v.pk",
            [value for values in batch for value in values],
        )
