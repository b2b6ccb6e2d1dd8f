"""Compute the quartile bands the charts draw: per figure, level, size class and year.

One query reads every value with its entity's size, pandas groups and takes quartiles, and the
table is replaced in one transaction. Runs after each evaluation of flags.
"""

import pandas as pd
from django.db import connection, transaction
from django.db.models import Sum

from monitoring.models import Estate, Level, PeerStatistic

# Upper bounds (exclusive) of the size classes: estates by homes, organisations by tenancy units,
# approximated by the homes of their estates.
SIZE_BOUNDS = {
    Level.ESTATE: [25, 100, 300],
    Level.ORGANISATION: [500, 2000, 5000],
}


def size_class(level, size):
    return sum(size >= bound for bound in SIZE_BOUNDS[level])


def entity_sizes():
    """Homes per estate and per organisation, as two Series keyed by id."""
    estates = pd.Series(dict(Estate.objects.values_list("pk", "homes")), dtype="float64")
    organisations = pd.Series(
        dict(
            Estate.objects.values("organisation_id")
            .annotate(h=Sum("homes"))
            .values_list("organisation_id", "h")
        ),
        dtype="float64",
    )
    return estates, organisations


def read_values():
    sql = (
        "SELECT v.figure_id, v.year, v.organisation_id, v.estate_id, v.value "
        "FROM monitoring_keyfigurevalue v JOIN monitoring_keyfigure f ON f.id = v.figure_id "
        "WHERE f.direction <> 'context'"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        rows = cursor.fetchall()
    return pd.DataFrame(
        rows, columns=["figure_id", "year", "organisation_id", "estate_id", "value"]
    )


def compute(values, estate_sizes, organisation_sizes):
    """The quartile rows for a frame of values (one row per figure, year and entity)."""
    if values.empty:
        return pd.DataFrame()
    is_estate = values["estate_id"].notna()
    sizes = (
        values["estate_id"]
        .map(estate_sizes)
        .where(is_estate, values["organisation_id"].map(organisation_sizes))
    )
    frame = values.assign(level=is_estate.map({True: Level.ESTATE, False: Level.ORGANISATION}))
    frame["size_class"] = 0
    for level, bounds in SIZE_BOUNDS.items():
        rows = frame["level"] == level
        frame.loc[rows, "size_class"] = pd.cut(
            sizes[rows].fillna(0), [-float("inf"), *bounds, float("inf")], labels=False, right=False
        )
    grouped = frame.groupby(["figure_id", "level", "size_class", "year"])["value"]
    stats = grouped.quantile([0.25, 0.5, 0.75]).unstack()
    stats.columns = ["lower_quartile", "median", "upper_quartile"]
    stats["count"] = grouped.size()
    return stats.reset_index()


def refresh(values=None, sizes=None):
    """Recompute every band: from the stored values, or from `values` (a long frame) and `sizes`
    (homes per estate and per organisation) that the caller has read already."""
    stats = compute(
        read_values() if values is None else values,
        *(entity_sizes() if sizes is None else sizes),
    )
    with transaction.atomic():
        PeerStatistic.objects.all().delete()
        PeerStatistic.objects.bulk_create(
            [PeerStatistic(**row) for row in stats.to_dict("records")], batch_size=2000
        )
    return len(stats)
