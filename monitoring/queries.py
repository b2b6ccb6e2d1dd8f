"""The read side of monitoring: what the dashboard, the organisation and estate pages show.

Every function starts from a queryset the access policy has already narrowed, and each issues
a fixed number of queries however many organisations, estates or years there are.
"""

import functools
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection
from django.db.models import (
    Count,
    F,
    FilteredRelation,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Coalesce

from monitoring.models import (
    Assessment,
    Estate,
    Evaluation,
    Flag,
    FlagEvent,
    FlagRule,
    ImportBatch,
    KeyFigure,
    KeyFigureValue,
    NoteReply,
    OrganisationAssessment,
    PeerStatistic,
    Severity,
    StyrelseNote,
    ValueKind,
)
from monitoring.peer_statistics import size_class


def available_years(version):
    """The accounting years with imported key figures, newest first: read from the import
    batches, not by scanning millions of values, once per data version (`version`, which a
    succeeded import moves on)."""

    def read():
        return list(
            ImportBatch.objects.filter(
                kind=ImportBatch.Kind.KEY_FIGURES, status=ImportBatch.Status.SUCCEEDED
            )
            .order_by("-year")
            .values_list("year", flat=True)
            .distinct()
        )

    return cache.get_or_set(f"monitoring:years:{version}", read)


def flag_lookups(year, severity="", rule=None, figure=None, new_only=False, status=""):
    """The lookups selecting the current flags the dashboard counts, as a dict so that they can
    be applied to flags directly or through a relation."""
    lookups = {"is_current": True, "year": year}
    if severity:
        lookups["severity"] = severity
    if rule is not None:
        lookups["rule"] = rule
    if figure is not None:
        lookups["figure"] = figure
    if new_only:
        lookups["case__first_year"] = year
    if status:
        lookups["case__status"] = status
    return lookups


def through(relation, lookups):
    """The same lookups through a relation: {"year": 1} becomes Q(flags__year=1)."""
    return Q(**{f"{relation}__{key}": value for key, value in lookups.items()})


def flag_count(lookups, severity):
    """Subquery: an organisation's flags (its estates' included) of `severity` matching
    `lookups`, counted through the index rather than by joining every flag of every year."""
    if lookups.get("severity", severity) != severity:
        return Value(0, output_field=IntegerField())
    return Coalesce(
        Subquery(
            Flag.objects.filter(organisation=OuterRef("pk"), **{**lookups, "severity": severity})
            .order_by()
            .values("organisation")
            .annotate(n=Count("pk"))
            .values("n"),
            output_field=IntegerField(),
        ),
        0,
    )


def dashboard_organisations(organisations, lookups, only_flagged=False):
    """Organisations ranked by their assessment of the year, then its score (severity, share
    of homes affected, persistence), with the red and yellow flags (their estates' included)
    the filter selects."""
    estates = (
        Estate.objects.filter(organisation=OuterRef("pk"))
        .order_by()
        .values("organisation")
        .annotate(n=Count("pk"), homes=Sum("homes"))
    )
    ranked = organisations.select_related("supervising_municipality").annotate(
        this_year=FilteredRelation(
            "assessments", condition=Q(assessments__year=lookups.get("year"))
        ),
        assessment=F("this_year__assessment"),
        assessment_rank=F("this_year__rank"),
        score=F("this_year__score"),
        reasons=F("this_year__reasons"),
        red=flag_count(lookups, Severity.RED),
        yellow=flag_count(lookups, Severity.YELLOW),
        estate_count=Coalesce(Subquery(estates.values("n"), output_field=IntegerField()), 0),
        homes=Coalesce(Subquery(estates.values("homes"), output_field=IntegerField()), 0),
    )
    if only_flagged:
        ranked = ranked.filter(Q(red__gt=0) | Q(yellow__gt=0))
    return ranked.order_by(
        F("assessment_rank").asc(nulls_last=True), F("score").desc(nulls_last=True), "org_no"
    )


def assessment_counts(organisations, year):
    """How many of the organisations are assessed rød and gul in the year."""
    return OrganisationAssessment.objects.filter(
        organisation__in=organisations, year=year
    ).aggregate(
        red=Count("pk", filter=Q(assessment=Assessment.RED)),
        yellow=Count("pk", filter=Q(assessment=Assessment.YELLOW)),
    )


def summary_counts(flags):
    """Counts of the current flags by severity, for the figures above the list."""
    return flags.aggregate(
        red=Count("pk", filter=Q(severity=Severity.RED)),
        yellow=Count("pk", filter=Q(severity=Severity.YELLOW)),
        organisations=Count("organisation", distinct=True),
    )


CHARTED_KINDS = (ValueKind.DECIMAL, ValueKind.COUNT)


@dataclass
class FigureRow:
    figure: KeyFigure
    cells: list = field(default_factory=list)  # (year, value, flag severity or "")


@dataclass
class Chart:
    figure: KeyFigure
    points: list  # (year, value, lower quartile, median, upper quartile)


def flag_marks(flags):
    """{figure id: {year: the worst severity of the flags on the figure in the year}}."""
    marks = defaultdict(dict)
    for flag in flags:
        if flag.figure_id is None:
            continue
        years = marks[flag.figure_id]
        if years.get(flag.year) != Severity.RED:
            years[flag.year] = flag.severity
    return marks


def figure_table(values, flags, years):
    """Rows of key figures across years, each cell marked with the worst flag it raised."""
    marks = flag_marks(flags)
    by_figure = defaultdict(dict)
    figures = {}
    for value in values:
        by_figure[value.figure_id][value.year] = value.value
        figures[value.figure_id] = value.figure
    rows = []
    for figure in sorted(figures.values(), key=lambda f: (f.sort_order, f.code)):
        cells = [
            (year, by_figure[figure.pk].get(year), marks[figure.pk].get(year, "")) for year in years
        ]
        rows.append(FigureRow(figure, cells))
    return rows


def entity_values(organisation, estate=None):
    """All key-figure values of an organisation (its own rows) or of one estate, all years."""
    values = KeyFigureValue.objects.filter(organisation=organisation, estate=estate)
    return list(values.select_related("figure").order_by("figure__sort_order", "year"))


def charts(values, flags, level, size):
    """One chart per flagged figure with numbers (not a date or a yes/no): the entity's values
    against its peers' quartile band."""
    flagged = {
        flag.figure_id
        for flag in flags
        if flag.figure_id is not None and flag.figure.kind in CHARTED_KINDS
    }
    if not flagged:
        return []
    band = {
        (s.figure_id, s.year): s
        for s in PeerStatistic.objects.filter(
            figure_id__in=flagged, level=level, size_class=size_class(level, size)
        )
    }
    series = defaultdict(list)
    figures = {}
    for value in values:
        if value.figure_id in flagged:
            peer = band.get((value.figure_id, value.year))
            series[value.figure_id].append(
                (
                    value.year,
                    value.value,
                    peer.lower_quartile if peer else None,
                    peer.median if peer else None,
                    peer.upper_quartile if peer else None,
                )
            )
            figures[value.figure_id] = value.figure
    return [Chart(figures[pk], points) for pk, points in series.items()]


def organisation_assessment(organisation, year):
    """The organisation's assessment of the year (rød, gul, grøn and why), or None."""
    return OrganisationAssessment.objects.filter(organisation=organisation, year=year).first()


def case_counts(organisation, year):
    """The year's cases of the organisation and its estates: all, running from an earlier year,
    and opened this year."""
    return Flag.objects.filter(organisation=organisation, year=year, is_current=True).aggregate(
        cases=Count("case", distinct=True),
        persistent=Count("case", distinct=True, filter=Q(case__first_year__lt=year)),
        new=Count("case", distinct=True, filter=Q(case__first_year=year)),
    )


def year_flags(organisation, year):
    """The organisation's and its estates' current flags of the year: one per case."""
    return Flag.objects.filter(organisation=organisation, year=year, is_current=True)


def rules_of(flags):
    """The rules that raised `flags`, by code."""
    return list(FlagRule.objects.filter(flags__in=flags).distinct().order_by("code"))


def case_list(flags, rule=None):
    """`flags` (of `rule`, if given) with what a list of their cases shows: red first, the
    longest running first, the organisation's own before its estates'."""
    if rule is not None:
        flags = flags.filter(rule=rule)
    return flags.select_related("rule", "case", "case__assigned_to", "estate").order_by(
        "severity",
        "case__first_year",
        "rule__code",
        F("estate__estate_no").asc(nulls_first=True),
    )


def persistent_flags(organisation, year):
    """The year's flags whose case began in an earlier year, as `case_list` orders them."""
    return case_list(year_flags(organisation, year).filter(case__first_year__lt=year))


def estates_with_flags(organisation, year):
    """The organisation's estates with their red and yellow flag counts in the year."""
    on_flags = through("flags", {"is_current": True, "year": year})
    return (
        organisation.estates.select_related("municipality")
        .annotate(
            red=Count("flags", filter=on_flags & Q(flags__severity=Severity.RED)),
            yellow=Count("flags", filter=on_flags & Q(flags__severity=Severity.YELLOW)),
        )
        .order_by("-red", "-yellow", "estate_no")
    )


def entity_flags(flags):
    """Current flags with what their explanation, guidance and case need, newest year first."""
    return list(
        flags.current()
        .select_related(
            "rule",
            "rule__figure",
            "rule__guidance_page",
            "rule__figure__guidance_page",
            "figure",
            "case",
            "case__assigned_to",
            "estate",
        )
        .order_by("-year", "severity", "rule__code")
    )


def other_cases(flags, year):
    """The cases among `flags` (newest year first) without a flag in `year`, each once, by
    its latest flag."""
    seen = {flag.case_id for flag in flags if flag.year == year}
    latest = []
    for flag in flags:
        if flag.case_id not in seen:
            seen.add(flag.case_id)
            latest.append(flag)
    return latest


def organisation_size(organisation):
    return Estate.objects.filter(organisation=organisation).aggregate(h=Sum("homes"))["h"] or 0


def located_estates_with_flags(estates, year):
    """Estates lying in the municipality but supervised elsewhere, with their flag counts: only
    the year's current flags are joined (a filter before the annotation narrows its join)."""
    return (
        estates.filter(flags__is_current=True, flags__year=year)
        .select_related("organisation", "organisation__supervising_municipality")
        .annotate(
            red=Count("flags", filter=Q(flags__severity=Severity.RED)),
            yellow=Count("flags", filter=Q(flags__severity=Severity.YELLOW)),
        )
        .order_by("-red", "-yellow", "organisation__org_no", "estate_no")
    )


def data_version():
    """Changes whenever what the caseworkers' pages show may have changed: an evaluation stored,
    an import succeeded, a follow-up step recorded, a flag or an assessment written, a flag rule
    added, changed or deleted, a note of styrelse written or answered. One query of indexed
    maxima (and the rules' count); part of the key of every cached monitoring fragment."""
    sql, params = data_version_statement()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return version_of(cursor.fetchone())


def data_version_statement():
    """`data_version`'s SQL and parameters (one row), for a caller that asks it together with
    another question."""
    return _data_version_sql(), [ImportBatch.Status.SUCCEEDED]


def data_version_width():
    """How many columns `data_version_statement`'s row has."""
    return len(_version_columns())


@functools.cache
def _data_version_sql():
    return "SELECT " + ", ".join(f"{value} AS v{n}" for n, value in enumerate(_version_columns()))


@functools.cache
def _version_columns():
    growing = (Evaluation, FlagEvent, Flag, OrganisationAssessment, StyrelseNote, NoteReply)
    table = {
        model: connection.ops.quote_name(model._meta.db_table)
        for model in (*growing, ImportBatch, FlagRule)
    }
    latest = [f"(SELECT MAX(id) FROM {table[model]})" for model in growing]
    return [
        *latest,
        f"(SELECT MAX(id) FROM {table[ImportBatch]} WHERE status = %s)",
        f"(SELECT MAX(latest_revision_id) FROM {table[FlagRule]})",
        f"(SELECT COUNT(*) FROM {table[FlagRule]})",
    ]


def version_of(row):
    """The data version of `data_version_statement`'s row."""
    return "-".join(str(value) for value in row)
