"""Flag evaluation: read every key-figure value in one query, run the rule engine, store flags.

A flag raised again keeps its row and is updated; one no longer raised becomes not current but
is never deleted. A new flag is linked to the same rule's flag for the same entity the year
before and joins its case (which carries the follow-up); without one it opens a case
(docs/flag-cases.md). Writes are bulk; only changed rows are updated.
"""

import datetime
from dataclasses import dataclass

import numpy as np
import pandas as pd
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max, Min, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from . import assessment, bulk, peer_statistics, planner, reporting_duty
from .models import (
    Direction,
    Estate,
    Evaluation,
    Flag,
    FlagCase,
    FlagRule,
    KeyFigure,
    KeyFigureValue,
    Organisation,
    Severity,
    StatutoryRate,
)
from .rules import engine
from .rules.dataset import ESTATE, ORGANISATION, Dataset, pivot
from .rules.spec import RED, RuleSpec

SEVERITIES = {RED: Severity.RED, 1: Severity.YELLOW}
# What an evaluation writes on a flag, in the order `store_flags` compares them.
STORED = [
    "severity",
    "figure_id",
    "value",
    "threshold",
    "statistics",
    "explanation",
    "rule_revision_id",
    "batch_id",
    "previous_id",
    "case_id",
    "is_current",
]
CASE = STORED.index("case_id")


@dataclass
class Summary:
    red: int = 0
    yellow: int = 0
    new: int = 0
    kept: int = 0
    closed: int = 0
    opened: int = 0


def evaluate(year=None, today=None):
    """Evaluate the active rules over all years (change and trend rules need the history) and
    store the flags of `year`, or of every year; then refresh the charts' peer bands."""
    rules = list(
        FlagRule.objects.active().select_related("figure").prefetch_related("combined_rules")
    )
    raw = _read_values()
    data, batches = load_dataset(today or evaluation_date(), raw)
    flags = engine.evaluate([RuleSpec.from_rule(rule) for rule in rules], data)
    if year is not None:
        flags = flags[flags["year"] == year]
    with transaction.atomic():
        summary = store_flags(flags, rules, batches, year)
        assessment.refresh(data, None if year is None else [year])
        if summary.new or summary.closed:  # updates alone leave the planner's row counts true
            planner.analyse(Flag, FlagCase)
    peer_statistics.refresh(_peer_values(raw), _entity_homes(data))
    # Last: the cached pages re-render only once flags, assessments and bands are all stored.
    Evaluation.objects.create()
    return summary


def evaluation_date():
    """The day deadlines (R14) are judged on: today, unless MONITORING_EVALUATION_DATE fixes
    it, as the demo does for its synthetic data (docs/synthetic-data.md)."""
    fixed = getattr(settings, "MONITORING_EVALUATION_DATE", None)
    return datetime.date.fromisoformat(fixed) if fixed else datetime.date.today()


def load_dataset(today, raw=None):
    """The whole country's figures as a Dataset, and each entity-year's latest import batch.

    `raw` is what _read_values() returned, when the caller has read it already."""
    catalogue = list(
        KeyFigure.objects.only("code", "name", "unit", "direction", "kind", "decimals")
    )
    organisation, estate, year, figure, value, batch = (_read_values() if raw is None else raw).T
    is_estate = ~np.isnan(estate)
    codes = {entry.pk: entry.code for entry in catalogue}
    values, batches = {}, {}
    for level, entity, mask in (
        (ORGANISATION, organisation, ~is_estate),
        (ESTATE, estate, is_estate),
    ):
        values[level] = pivot(entity[mask], year[mask], figure[mask], value[mask], codes)
        batches[level] = (
            pd.Series(batch[mask])
            .groupby([entity[mask].astype(np.int64), year[mask].astype(np.int64)])
            .max()
            .rename_axis(["entity", "year"])
        )
    _add_absent(values)
    dataset = Dataset(
        values,
        entities=_entities(),
        rates=pd.DataFrame.from_records(StatutoryRate.objects.values(), index="year"),
        figures={entry.code: entry for entry in catalogue},
        lower_is_worse=frozenset(
            entry.code for entry in catalogue if entry.direction == Direction.LOWER_IS_WORSE
        ),
        today=today,
    )
    return dataset, batches


def _add_absent(values):
    """Give each entity-year that owes figures but has none an empty row, so R14 sees it as
    missing instead of not seeing it (monitoring/reporting_duty.py)."""
    years = set()
    for frame in values.values():
        years.update(frame.index.get_level_values("year").unique().tolist())
    if not years:
        return
    for level, frame in values.items():
        reported = frame.index.get_level_values("entity")
        first = pd.Series(frame.index.get_level_values("year"), index=reported).groupby(level=0)
        owed = reporting_duty.owed(
            reporting_duty.register(level), first.min().astype(float), years, max(years)
        )
        values[level] = frame.reindex(frame.index.union(owed))


def _read_values():
    """All values as a float array of (organisation, estate, year, figure, value, batch) rows.

    One plain fetch: psycopg's COPY yields a chunk per row, which is slower for 2M rows.
    """
    query = KeyFigureValue.objects.values_list(
        "organisation_id", "estate_id", "year", "figure_id", "value", "batch_id"
    ).query
    with connection.cursor() as cursor:
        cursor.execute(*query.sql_with_params())
        return np.array(cursor.fetchall(), dtype=float).reshape(-1, 6)


def _peer_values(raw):
    """The values the charts' peer bands are drawn from (figures with a direction), as the long
    frame peer_statistics expects, taken from the values already read."""
    frame = pd.DataFrame(
        raw[:, :5], columns=["organisation_id", "estate_id", "year", "figure_id", "value"]
    )
    frame = frame.astype({"organisation_id": "int64", "year": "int64", "figure_id": "int64"})
    directed = KeyFigure.objects.exclude(direction=Direction.CONTEXT).values_list("id", flat=True)
    return frame[frame["figure_id"].isin(list(directed))]


def _entity_homes(data):
    return data.entities[ESTATE]["homes"], data.entities[ORGANISATION]["homes"]


def _entities():
    estates = pd.DataFrame.from_records(
        Estate.objects.values_list(
            "id", "organisation_id", "municipality__region", "home_type", "year_built", "homes"
        ),
        columns=["id", "organisation", "region", "home_type", "year_built", "homes"],
        index="id",
    )
    organisations = pd.DataFrame.from_records(
        Organisation.objects.values_list("id", "supervising_municipality__region"),
        columns=["id", "region"],
        index="id",
    )
    organisations["homes"] = estates.groupby("organisation")["homes"].sum()
    return {ESTATE: estates, ORGANISATION: organisations}


def store_flags(flags, rules, batches, year=None):
    """Create, update and close flags so the current flags are exactly `flags`, each in the
    case of the same rule's flag for the same entity the year before, else in its own case.

    Existing flags are compared as plain tuples; only new and changed rows become objects, and
    only changed rows are written.
    """
    rule_ids = {rule.code: rule.pk for rule in rules}
    figure_ids = dict(KeyFigure.objects.values_list("code", "pk"))
    revisions = {rule.code: rule.latest_revision_id for rule in rules}
    scope = Flag.objects.all() if year is None else Flag.objects.filter(year__in=[year - 1, year])
    existing = {}
    current = {}  # key: (pk, case) of the current flags stored so far, the year before's first
    keys = ["rule_id", "organisation_id", "estate_id", "year"]
    for pk, *row in scope.order_by("is_current", "pk").values_list("pk", *keys, *STORED):
        key = tuple(row[:4])
        if year is None or key[3] == year:
            existing[key] = (pk, tuple(row[4:]))
        elif row[-1]:
            current[key] = (pk, row[4 + CASE])
    red = int((flags["severity"] == RED).sum())
    summary = Summary(red=red, yellow=len(flags) - red)
    continued = {case for _, case in current.values()}
    changed = []
    touched = set()  # the cases whose years may change: those of new, changed or closed flags
    for flag_year, rows in flags.groupby("year", sort=True):
        created, opening, this_year = [], [], []
        for row, batch_id in zip(
            rows.itertuples(index=False), _batches(rows, batches), strict=True
        ):
            estate = int(row.entity) if row.level == ESTATE else None
            key = (rule_ids[row.rule], int(row.organisation), estate, int(flag_year))
            previous, case = current.get((*key[:3], key[3] - 1), (None, None))
            pk, stored = existing.pop(key, (None, None))
            if case is None and stored is not None and stored[CASE] not in continued:
                case = stored[CASE]  # the flag keeps the case it opened
            values = (
                SEVERITIES[row.severity],
                figure_ids.get(row.figure),
                _number(row.value),
                _number(row.threshold),
                row.statistics,
                row.explanation,
                revisions[row.rule],
                batch_id,
                previous,
                case,
                True,
            )
            if pk is not None:
                summary.kept += 1
            if pk is not None and stored == values:
                this_year.append((key, (pk, case)))
                continue
            flag = Flag(
                pk=pk, **dict(zip(keys, key, strict=True)), **dict(zip(STORED, values, strict=True))
            )
            (created if pk is None else changed).append(flag)
            if stored is not None:
                touched.add(stored[CASE])
            if case is None:
                opening.append(flag)
            this_year.append((key, flag))
        _open_cases(opening)
        summary.opened += len(opening)
        Flag.objects.bulk_create(created, batch_size=2000)
        summary.new += len(created)
        touched.update(flag.case_id for flag in created)
        for key, flag in this_year:
            current[key] = flag if isinstance(flag, tuple) else (flag.pk, flag.case_id)
            continued.add(current[key][1])
    touched.update(flag.case_id for flag in changed)
    now = timezone.now()
    bulk.update_rows(
        Flag,
        STORED + ["evaluated_at"],
        [(flag.pk, *(getattr(flag, name) for name in STORED), now) for flag in changed],
    )
    closed = [pk for pk, stored in existing.values() if stored[-1]]
    touched.update(stored[CASE] for _, stored in existing.values() if stored[-1])
    for start in range(0, len(closed), 5000):
        Flag.objects.filter(pk__in=closed[start : start + 5000]).update(is_current=False)
    summary.closed = len(closed)
    _update_case_years(touched)
    return summary


def _open_cases(flags):
    """A new case for each flag that continues none, in one bulk insert."""
    cases = FlagCase.objects.bulk_create(
        [
            FlagCase(
                rule_id=flag.rule_id,
                organisation_id=flag.organisation_id,
                estate_id=flag.estate_id,
                first_year=flag.year,
                last_year=flag.year,
            )
            for flag in flags
        ],
        batch_size=2000,
    )
    for flag, case in zip(flags, cases, strict=True):
        flag.case_id = case.pk


def _update_case_years(cases):
    """Each of `cases`' first and last year with a current flag (kept when it has none left)."""
    flags = Flag.objects.filter(case=OuterRef("pk"), is_current=True).order_by().values("case")
    cases = sorted(cases)
    for start in range(0, len(cases), 5000):
        FlagCase.objects.filter(pk__in=cases[start : start + 5000]).update(
            first_year=Coalesce(Subquery(flags.annotate(y=Min("year")).values("y")), "first_year"),
            last_year=Coalesce(Subquery(flags.annotate(y=Max("year")).values("y")), "last_year"),
        )


def _batches(rows, batches):
    """The latest import batch of each flagged entity-year."""
    result = np.full(len(rows), None, dtype=object)
    for level in (ORGANISATION, ESTATE):
        mask = (rows["level"] == level).to_numpy()
        if mask.any():
            index = pd.MultiIndex.from_arrays(
                [rows[name].to_numpy()[mask].astype(np.int64) for name in ("entity", "year")]
            )
            found = batches[level].reindex(index).to_numpy()
            result[mask] = [None if np.isnan(b) else int(b) for b in found]
    return result


def _number(value):
    return None if value is None or np.isnan(value) else float(value)
