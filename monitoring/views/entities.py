"""An organisation's and an estate's page: flags with reasons and guidance, key figures across
years, charts against peers, and (for an organisation) its estates."""

from functools import cached_property

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from monitoring import access, access_log, charts, entity_access, notes, queries
from monitoring.forms import EstateFilterForm
from monitoring.models import Level
from monitoring.views.gate import monitoring_view
from portal.pagination import query_string

ESTATE_PAGE_SIZE = 25
PERSISTENT_SHOWN = 10
FIGURE_TABLE_YEARS = 5


def selected_year(request, version):
    years = queries.available_years(version)
    requested = request.GET.get("aar", "")
    year = int(requested) if requested.isdigit() and int(requested) in years else None
    return (year or (years[0] if years else None)), years


class EntityFigures:
    """An entity's key figures, their table and charts, computed only when a template renders
    them: the pages keep that HTML in the cache until the figures or the flags change."""

    def __init__(self, organisation, estate, flags, year_flags, level, size, year=None):
        self.organisation, self.estate = organisation, estate
        self.flags, self.year_flags = flags, year_flags
        self.level, self.size, self.year = level, size, year

    @cached_property
    def values(self):
        return queries.entity_values(self.organisation, self.estate)

    @cached_property
    def years(self):
        return sorted({value.year for value in self.values})

    @cached_property
    def rows(self):
        return queries.figure_table(self.values, self.flags, self.years)

    @cached_property
    def recent_years(self):
        """The page's table: the chosen year and the ones before it, newest first, few enough
        to fit a screen without scrolling sideways."""
        earlier = [year for year in reversed(self.years) if self.year is None or year <= self.year]
        return earlier[:FIGURE_TABLE_YEARS]

    @cached_property
    def recent_rows(self):
        return queries.figure_table(self.values, self.flags, self.recent_years)

    @cached_property
    def charts(self):
        found = queries.charts(self.values, self.year_flags, self.level, self.size())
        marks = queries.flag_marks(self.flags)
        subject = _("Organisationen") if self.level == Level.ORGANISATION else _("Afdelingen")
        return [charts.layout(chart, subject, marks[chart.figure.pk]) for chart in found]


class EntityFlags:
    """An entity's current flags of every year, read only when a template renders them: the
    pages keep their lists in the cache until the data changes."""

    def __init__(self, owner, estate, year):
        self.owner, self.estate, self.year = owner, estate, year

    @cached_property
    def all(self):
        return queries.entity_flags(self.owner.flags.filter(estate=self.estate))

    @cached_property
    def of_year(self):
        return [flag for flag in self.all if flag.year == self.year]

    @cached_property
    def other_cases(self):
        return queries.other_cases(self.all, self.year)


def entity_context(request, organisation, estate, version, level, size):
    """`size` is a callable: the homes the peer band compares with, asked for only on a miss;
    `version` the data version, read with the entity (`entity_access`)."""
    year, years = selected_year(request, version)
    owner = estate if estate is not None else organisation
    flags = EntityFlags(owner, estate, year)
    all_flags = SimpleLazyObject(lambda: flags.all)
    year_flags = SimpleLazyObject(lambda: flags.of_year)
    may_follow_up = access.may_follow_up(request.user, organisation)
    may_write_notes = access.may_write_notes(request.user)
    figures_cache_key = (level, owner.pk, year, version, translation.get_language())
    notes_cache_key = (*figures_cache_key, timezone.localdate(), may_write_notes)
    return {
        "organisation": organisation,
        "estate": estate,
        "year": year,
        "years": years,
        "flags": year_flags,
        "other_cases": SimpleLazyObject(lambda: flags.other_cases),
        "figures": EntityFigures(organisation, estate, all_flags, year_flags, level, size, year),
        "data_version": version,
        "figures_cache_key": figures_cache_key,
        # The flag lists link to following up or to the history, as the reader may.
        "flags_cache_key": (*figures_cache_key, may_follow_up),
        "may_follow_up": may_follow_up,
        "notes": SimpleLazyObject(lambda: notes.entity_notes(organisation, estate)),
        "may_write_notes": may_write_notes,
        # Styrelse's notes, overdue as of today, with a link to write one for styrelse only.
        "notes_cache_key": notes_cache_key,
        # The whole page below the header: everything its fragments differ by, and the query
        # (the year, the estates' search and page).
        "page_cache_key": (*notes_cache_key, may_follow_up, request.GET.urlencode()),
    }


@monitoring_view
def organisation_page(request, org_no):
    organisation, version = entity_access.visible_organisation(request.user, org_no)
    context = entity_context(
        request,
        organisation,
        None,
        version,
        Level.ORGANISATION,
        lambda: queries.organisation_size(organisation),
    )
    year, number = context["year"], request.GET.get("side")
    # Read only when the estates' fragment is rendered.
    estate_filter = SimpleLazyObject(lambda: EstateFilterForm(request.GET))

    def estate_page():
        estates = estate_filter.apply(queries.estates_with_flags(organisation, year))
        return Paginator(estates, ESTATE_PAGE_SIZE).get_page(number)

    context.update(
        assessment=SimpleLazyObject(lambda: queries.organisation_assessment(organisation, year)),
        cases=SimpleLazyObject(lambda: queries.case_counts(organisation, year)),
        persistent=SimpleLazyObject(
            lambda: list(queries.persistent_flags(organisation, year)[:PERSISTENT_SHOWN])
        ),
        estate_filter=estate_filter,
        page_obj=SimpleLazyObject(estate_page),
        query_string=query_string(request),
        estate_count=SimpleLazyObject(organisation.estates.count),
        # The facts change with the organisation's data (its estates come with an import).
        facts_cache_key=(organisation.pk, context["data_version"], translation.get_language()),
        # The summary and the estates differ by the chosen year, search and page.
        summary_cache_key=(*context["flags_cache_key"], request.GET.urlencode()),
    )
    access_log.viewed(request, "organisation", organisation, year=year)
    return render(request, "monitoring/organisation.html", context)


@monitoring_view
def estate_page(request, org_no, estate_no):
    organisation, estate, version = entity_access.visible_estate(request.user, org_no, estate_no)
    context = entity_context(
        request, organisation, estate, version, Level.ESTATE, lambda: estate.homes
    )
    access_log.viewed(
        request, "estate", organisation, estate_no=estate.estate_no, year=context["year"]
    )
    return render(request, "monitoring/estate.html", context)
