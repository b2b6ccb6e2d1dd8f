"""Which organisations and estates owe key figures for a year.

The import's coverage check (a year's file must have a row for each of them) and R14 (an
entity-year without any figure is missing) ask the same question, so they share this answer:
an entity owes figures for a year when the register has it valid on some day of that year
(`valid_from`/`valid_to`), and it is known to exist by then: its `valid_from` is set, or it has
reported for that year or an earlier one, or it has never reported and the year is the newest
one imported. So a register without start dates does not make every historical year of an
entity added later look missing.
"""

import numpy as np
import pandas as pd
from django.db.models import Min

from .models import Estate, KeyFigureValue, Organisation

MODELS = {"org": Organisation, "estate": Estate}


def register(level):
    """The level's entities indexed by id, with `first_year` and `last_year` of validity (NaN
    where open) and whether `valid_from` is set."""
    frame = pd.DataFrame.from_records(
        MODELS[level].objects.values_list("id", "valid_from", "valid_to"),
        columns=["id", "valid_from", "valid_to"],
        index="id",
    )
    return pd.DataFrame(
        {
            "first_year": _years(frame["valid_from"]),
            "last_year": _years(frame["valid_to"]),
        },
        index=frame.index,
    )


def first_reported(level, ids):
    """The first year each of the level's entities `ids` reported any figure (those that never
    did are absent)."""
    entity = "organisation_id" if level == "org" else "estate_id"
    values = KeyFigureValue.objects.filter(estate__isnull=level == "org", **{f"{entity}__in": ids})
    rows = values.values(entity).annotate(first=Min("year")).values_list(entity, "first")
    return pd.Series(dict(rows), dtype=float)


def valid_in(entities, year):
    """The `register` entities valid on some day of `year`."""
    return entities[~(entities["first_year"] > year) & ~(entities["last_year"] < year)]


def owed(entities, first, years, latest):
    """(entity, year) pairs, as a MultiIndex, of `entities` (a `register` frame) owing figures
    for each of `years`; `first` is `first_reported`, `latest` the newest year imported."""
    years = np.asarray(sorted(years), dtype=np.int64)
    if entities.empty or not len(years):
        return pd.MultiIndex.from_arrays([[], []], names=["entity", "year"])
    entity = np.repeat(entities.index.to_numpy(dtype=np.int64), len(years))
    year = np.tile(years, len(entities))
    valid_from = np.repeat(entities["first_year"].to_numpy(dtype=float), len(years))
    valid_to = np.repeat(entities["last_year"].to_numpy(dtype=float), len(years))
    reported = first.reindex(entity).to_numpy(dtype=float)
    in_register = ~(valid_from > year) & ~(valid_to < year)
    known = ~np.isnan(valid_from) | (reported <= year) | (np.isnan(reported) & (year >= latest))
    keep = in_register & known
    return pd.MultiIndex.from_arrays([entity[keep], year[keep]], names=["entity", "year"])


def _years(dates):
    return pd.to_datetime(dates).dt.year.astype(float)
