"""The report for the styringsdialog meeting: what the XLSX workbook and its print view both
show, gathered once. A fixed number of queries, however many estates and cases there are."""

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q
from django.utils import timezone

from monitoring import notes, queries
from monitoring.models import (
    Flag,
    KeyFigureValue,
    Level,
    NoteReply,
    OrganisationAssessment,
    PeerStatistic,
    Severity,
)
from monitoring.peer_statistics import size_class

# The years of each flagged estate's key figures the report shows: the report's year and the
# ones before it.
ESTATE_YEARS = 3


@dataclass
class FigureLine:
    """A key figure's row (cells of year, value, flag severity) with its peers' quartiles in
    the report's year."""

    row: queries.FigureRow
    peer: PeerStatistic | None


@dataclass
class EstateLine:
    estate: object
    red: int
    yellow: int
    rules: list = field(default_factory=list)  # "R03 Rød" per current flag of the year


@dataclass
class EstateFigures:
    """An estate with cases in the report's year and its key figures (queries.FigureRow) of
    the newest years, the cells its flags are about marked."""

    estate: object
    rows: list


@dataclass
class Report:
    organisation: object
    year: int
    generated: object
    assessment: OrganisationAssessment | None
    cases: list  # the year's current flags, organisation's and estates', one per case
    figures: list  # FigureLine
    years: list
    estates: list  # EstateLine
    notes: list
    estate_years: list = field(default_factory=list)
    estate_figures: list = field(default_factory=list)  # EstateFigures

    @cached_property
    def estate_cases(self):
        return sum(1 for flag in self.cases if flag.estate_id)

    @property
    def homes(self):
        return sum(line.estate.homes for line in self.estates)


def years_running(flag):
    """How many years in a row the case has been flagged, up to the flag's year."""
    return flag.year - flag.case.first_year + 1


def case_flags(organisation, year):
    """Every current case of the year: red before yellow, then the organisation's own before
    its estates'."""
    flags = (
        Flag.objects.filter(organisation=organisation, year=year, is_current=True)
        .select_related("rule", "case", "case__assigned_to", "estate")
        .order_by("severity", F("estate__estate_no").asc(nulls_first=True), "rule__code", "pk")
    )
    flags = list(flags)
    for flag in flags:
        flag.years_running = years_running(flag)
    return flags


def figure_lines(organisation, year):
    """The organisation's own key figures across the years, flagged cells marked, with the
    quartiles of organisations of its size in the report's year."""
    values = queries.entity_values(organisation)
    years = sorted({value.year for value in values})
    own_flags = queries.entity_flags(organisation.flags.filter(estate=None))
    peers = {
        statistic.figure_id: statistic
        for statistic in PeerStatistic.objects.filter(
            level=Level.ORGANISATION,
            year=year,
            size_class=size_class(Level.ORGANISATION, queries.organisation_size(organisation)),
        )
    }
    rows = queries.figure_table(values, own_flags, years)
    return [FigureLine(row, peers.get(row.figure.pk)) for row in rows], years


def estate_lines(organisation, year, flags):
    rules = defaultdict(list)
    for flag in flags:
        if flag.estate_id:
            rules[flag.estate_id].append(f"{flag.rule.code} {flag.get_severity_display()}")
    on_year = Q(flags__is_current=True, flags__year=year)
    estates = (
        organisation.estates.select_related("municipality")
        .annotate(
            red=Count("flags", filter=on_year & Q(flags__severity=Severity.RED)),
            yellow=Count("flags", filter=on_year & Q(flags__severity=Severity.YELLOW)),
        )
        .order_by("-red", "-yellow", "estate_no")
    )
    return [EstateLine(e, e.red, e.yellow, rules[e.pk]) for e in estates]


def estate_figures(year, flags):
    """The figures the cases in `flags` are about, of each estate with such a case, ESTATE_YEARS
    years up to `year`, read in one query; estates in number order. Only those figures: a large
    organisation's estates with every figure made a print view of megabytes."""
    years = list(range(year - ESTATE_YEARS + 1, year + 1))
    estates, flags_of = {}, defaultdict(list)
    for flag in flags:
        if flag.estate_id and flag.figure_id:
            estates[flag.estate_id] = flag.estate
            flags_of[flag.estate_id].append(flag)
    about = Flag.objects.filter(
        pk__in=[flag.pk for flags in flags_of.values() for flag in flags],
        estate=OuterRef("estate"),
        figure=OuterRef("figure"),
    )
    values = defaultdict(list)
    for value in (
        KeyFigureValue.objects.filter(estate__in=list(estates), year__in=years)
        .filter(Exists(about))
        .select_related("figure")
        .order_by("figure__sort_order", "year")
    ):
        values[value.estate_id].append(value)
    ordered = sorted(estates.values(), key=lambda estate: estate.estate_no)
    return years, [
        EstateFigures(e, queries.figure_table(values[e.pk], flags_of[e.pk], years)) for e in ordered
    ]


def build(organisation, year):
    flags = case_flags(organisation, year)
    figures, years = figure_lines(organisation, year)
    estate_years, estates_figures = estate_figures(year, flags)
    return Report(
        organisation=organisation,
        year=year,
        generated=timezone.localtime(),
        assessment=OrganisationAssessment.objects.filter(
            organisation=organisation, year=year
        ).first(),
        cases=flags,
        figures=figures,
        years=years,
        estates=estate_lines(organisation, year, flags),
        notes=list(
            notes.entity_notes(organisation).prefetch_related(
                Prefetch("replies", NoteReply.objects.order_by("-created", "-pk"), "latest")
            )
        ),
        estate_years=estate_years,
        estate_figures=estates_figures,
    )
