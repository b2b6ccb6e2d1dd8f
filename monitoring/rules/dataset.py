"""The engine's input: one wide frame of figures per level plus row-aligned entity attributes."""

import datetime
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from monitoring import formatting

from .peers import size_classes

ESTATE = "estate"
ORGANISATION = "org"
LEVELS = (ORGANISATION, ESTATE)
# The figure that sizes an entity each year (falls back to master data when not reported).
SIZE_FIGURE = {ESTATE: "homes", ORGANISATION: "tenancy_units"}


def pivot(entity, year, figure, value, figure_codes):
    """Long arrays (entity, year, figure id, value) to a wide frame indexed by (entity, year).

    Factorising and filling a NumPy grid is an order of magnitude faster than `pivot_table`.
    """
    entity = np.asarray(entity, dtype=np.int64)
    year = np.asarray(year, dtype=np.int64)
    rows, keys = pd.factorize(entity * 10_000 + year, sort=True)
    columns, figures = pd.factorize(np.asarray(figure), sort=True)
    grid = np.full((len(keys), len(figures)), np.nan)
    grid[rows, columns] = np.asarray(value, dtype=float)
    index = pd.MultiIndex.from_arrays([keys // 10_000, keys % 10_000], names=["entity", "year"])
    return pd.DataFrame(grid, index=index, columns=[figure_codes[f] for f in figures])


@dataclass
class Dataset:
    """Figures (`values`) and attributes (`attributes`) per level, both indexed by (entity, year).

    Entity attributes: organisation, region, home_type, year_built and master `homes`
    (organisations: the homes of their estates). `figures`: the catalogue by code (name, unit,
    kind and decimals, for explanations).
    """

    values: dict
    attributes: dict = field(init=False)
    entities: dict = field(repr=False, default_factory=dict)
    rates: pd.DataFrame = field(default_factory=pd.DataFrame)
    figures: dict = field(default_factory=dict)
    lower_is_worse: frozenset = frozenset()
    today: datetime.date = field(default_factory=datetime.date.today)
    _previous: dict = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self):
        self.values = {level: self.values.get(level, _empty()) for level in LEVELS}
        self.attributes = {level: self._row_attributes(level) for level in LEVELS}

    def _row_attributes(self, level):
        frame = self.values[level]
        entities = self.entities.get(level, pd.DataFrame())
        entity = frame.index.get_level_values("entity")
        year = frame.index.get_level_values("year")
        rows = entities.reindex(entity)
        rows.index = frame.index
        size = self.column(level, SIZE_FIGURE[level])
        if "homes" in rows:
            size = size.fillna(rows["homes"].astype(float))
        rows["size"] = size
        rows["size_class"] = size_classes(level, size)
        if level == ORGANISATION:
            rows["organisation"] = entity
        if "year_built" in rows:
            rows["age"] = np.asarray(year) - rows["year_built"]
        return rows

    def column(self, level, code):
        """A figure's values at a level (all missing when nobody reported it)."""
        frame = self.values[level]
        if code in frame:
            return frame[code]
        return pd.Series(np.nan, index=frame.index, name=code)

    def previous_rows(self, level):
        """For each row, the position of the same entity's row the year before, or -1."""
        if level not in self._previous:
            index = self.values[level].index
            before = pd.MultiIndex.from_arrays(
                [index.get_level_values("entity"), index.get_level_values("year") + 1]
            )
            self._previous[level] = before.get_indexer(index) if len(index) else np.array([], int)
        return self._previous[level]

    def figure_name(self, code):
        figure = self.figures.get(code)
        return figure.name if figure else code

    def figure_header(self, code):
        """The figure's name with its unit ("Lejeledighed (%)")."""
        figure = self.figures.get(code)
        return formatting.header(figure) if figure else code

    def higher_is_worse(self, code):
        return code not in self.lower_is_worse

    def attribute(self, level, name):
        rows = self.attributes[level]
        if name in rows:
            return rows[name]
        return pd.Series(np.nan, index=rows.index, name=name)


def _empty():
    index = pd.MultiIndex.from_arrays([[], []], names=["entity", "year"])
    return pd.DataFrame(index=index, dtype=float)


def lag(series, years=1):
    """The value `years` earlier for the same entity, aligned to `series` (missing if absent)."""
    shifted = series.copy()
    shifted.index = pd.MultiIndex.from_arrays(
        [
            series.index.get_level_values("entity"),
            series.index.get_level_values("year") + years,
        ],
        names=["entity", "year"],
    )
    return shifted.reindex(series.index)
