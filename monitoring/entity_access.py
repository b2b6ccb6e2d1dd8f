"""What a monitoring page asks on every request, in one round trip: whether the reader may see
its subject, the subject's row, and the data version (the key of every cached fragment).

Reading an organisation or an estate through the ORM cost more to build and compile than to
run; their queries are now compiled once per process, set of roles and municipality
(`portal.compiled`), with the reader's access policy in them as `visible_to` states it, and
the rows are made instances with `from_db`. Nothing of the access question comes from a cache.
"""

from django.db import connection
from django.http import Http404

from monitoring import queries
from monitoring.models import Estate, Organisation
from portal import compiled
from portal.models import Municipality

# What an organisation's page and an estate's page show of their subject, by relation path:
# every concrete field, as `select_related` read them.
ORGANISATION = {"": Organisation, "supervising_municipality": Municipality}
ESTATE = {
    "": Estate,
    "municipality": Municipality,
    "organisation": Organisation,
    "organisation__supervising_municipality": Municipality,
}


def row_and_version(name, user, build, values):
    """The row of `build(reader, slots)` (a `values_list` queryset of at most one row) for
    `user` and `values`, and the data version; 404 if the reader may see no such row."""
    access = compiled.statement(name, user, build, values)
    if access is None:
        raise Http404
    access_sql, access_params = access
    version_sql, version_params = queries.data_version_statement()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT v.*, a.* FROM ({version_sql}) v LEFT JOIN "
            f"(SELECT 1 AS seen, a0.* FROM ({access_sql}) a0) a ON 1 = 1",
            [*version_params, *access_params],
        )
        row = cursor.fetchone()
    width = queries.data_version_width()
    if row[width] is None:  # `seen`
        raise Http404
    return row[width + 1 :], queries.version_of(row[:width])


def visible_organisation(user, org_no):
    """(organisation with its supervising municipality, data version); 404 unless `user` may
    see the organisation."""
    row, version = row_and_version("organisation-page", user, _organisation, [org_no])
    return _instances(ORGANISATION, row)[""], version


def visible_estate(user, org_no, estate_no):
    """(organisation, estate, data version): an estate of an organisation `user` may see."""
    row, version = row_and_version("estate-page", user, _estate, [org_no, estate_no])
    estate = _instances(ESTATE, row)[""]
    return estate.organisation, estate, version


def _organisation(reader, slots):
    found = Organisation.objects.visible_to(reader).filter(org_no=slots[0])
    return found.values_list(*_columns(ORGANISATION))


def _estate(reader, slots):
    found = Estate.objects.visible_to(reader).filter(
        organisation__org_no=slots[0], estate_no=slots[1]
    )
    return found.values_list(*_columns(ESTATE))


def _columns(paths):
    return [
        f"{path}__{f.attname}" if path else f.attname
        for path, model in paths.items()
        for f in model._meta.concrete_fields
    ]


def _instances(paths, row):
    """{path: instance} of `row` (in `_columns(paths)`'s order), each set on its parent."""
    values = iter(row)
    made = {}
    for path, model in paths.items():
        fields = model._meta.concrete_fields
        made[path] = compiled.instance(model, {f.attname: next(values) for f in fields})
        if path:
            parent, _, relation = path.rpartition("__")
            setattr(made[parent], relation, made[path])
    return made
