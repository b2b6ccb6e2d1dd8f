"""Organisations, their estates, and their own and their estates' key figures."""

from django.shortcuts import get_object_or_404
from ninja import Query, Router
from ninja.pagination import paginate

from monitoring import access_log, formatting, queries
from monitoring.api.filters import (
    OrganisationFilters,
    YearFilter,
    current_flag_lookups,
    flag_counts,
)
from monitoring.api.pagination import Pagination
from monitoring.api.schemas import (
    ERRORS,
    EstateOut,
    KeyFigureValuesOut,
    OrganisationDetailOut,
    OrganisationOut,
)
from monitoring.models import Estate, Flag, KeyFigureValue, Organisation, Severity

router = Router(tags=["organisations"])


def organisations_with_counts(user, year, only_flagged=False):
    return queries.dashboard_organisations(
        Organisation.objects.visible_to(user), current_flag_lookups(year), only_flagged
    ).order_by("org_no")


def visible_organisation(user, org_no):
    return get_object_or_404(Organisation.objects.visible_to(user), org_no=org_no)


@router.get(
    "/organisations",
    response={200: list[OrganisationOut], **ERRORS},
    url_name="organisations",
    operation_id="organisations",
    summary="Boligorganisationer",
    description=(
        "De boligorganisationer, brugeren må se, med antal gældende flag "
        "(i året, hvis det er angivet)."
    ),
)
@paginate(Pagination)
def list_organisations(request, filters: Query[OrganisationFilters]):
    organisations = organisations_with_counts(request.user, filters.year, filters.flagged)
    access_log.exported(request, "api")
    if filters.municipality is not None:
        organisations = organisations.filter(supervising_municipality__code=filters.municipality)
    return organisations


@router.get(
    "/organisations/{org_no}",
    response={200: OrganisationDetailOut, **ERRORS},
    url_name="organisation",
    operation_id="organisation",
    summary="Én boligorganisation",
    description="Findes organisationen ikke, eller må brugeren ikke se den, er svaret 404.",
)
def organisation(request, org_no: str, filters: Query[YearFilter]):
    found = get_object_or_404(organisations_with_counts(request.user, filters.year), org_no=org_no)
    access_log.exported(request, "api", found)
    return found


@router.get(
    "/organisations/{org_no}/estates",
    response={200: list[EstateOut], **ERRORS},
    url_name="estates",
    operation_id="estates",
    summary="Organisationens afdelinger",
    description="Afdelingerne med antal gældende flag (i året, hvis det er angivet).",
)
@paginate(Pagination)
def estates(request, org_no: str, filters: Query[YearFilter]):
    organisation = visible_organisation(request.user, org_no)
    access_log.exported(request, "api", organisation)
    return (
        Estate.objects.visible_to(request.user)
        .filter(organisation=organisation)
        .select_related("organisation", "municipality")
        .annotate(**flag_counts(filters.year))
        .order_by("estate_no")
    )


def figure_values(user, organisation, estate, year):
    """An entity's own values, each with the worst current flag it raised."""
    values = KeyFigureValue.objects.filter(organisation=organisation, estate=estate)
    flags = Flag.objects.visible_to(user).filter(
        organisation=organisation, estate=estate, is_current=True, figure__isnull=False
    )
    if year is not None:
        values = values.filter(year=year)
        flags = flags.filter(year=year)
    marks = {}
    for figure_id, flag_year, severity in flags.values_list("figure", "year", "severity"):
        if marks.get((figure_id, flag_year)) != Severity.RED:
            marks[(figure_id, flag_year)] = severity
    return {
        "organisation": organisation.org_no,
        "estate": estate.estate_no if estate else None,
        "values": [
            {
                "figure": value.figure.code,
                "year": value.year,
                "value": formatting.natural_value(value.figure, value.value),
                "display": formatting.format_value(value.figure, value.value),
                "flag": marks.get((value.figure_id, value.year)),
            }
            for value in values.select_related("figure").order_by(
                "figure__sort_order", "figure__code", "year"
            )
        ],
    }


@router.get(
    "/organisations/{org_no}/key-figures",
    response={200: KeyFigureValuesOut, **ERRORS},
    url_name="organisation_key_figures",
    operation_id="organisation_key_figures",
    summary="Organisationens nøgletal",
    description=(
        "Organisationens egne nøgletal i lang form; hver værdi med det alvorligste gældende flag."
    ),
)
def organisation_key_figures(request, org_no: str, filters: Query[YearFilter]):
    organisation = visible_organisation(request.user, org_no)
    access_log.exported(request, "api", organisation)
    return figure_values(request.user, organisation, None, filters.year)


@router.get(
    "/organisations/{org_no}/estates/{estate_no}/key-figures",
    response={200: KeyFigureValuesOut, **ERRORS},
    url_name="estate_key_figures",
    operation_id="estate_key_figures",
    summary="Afdelingens nøgletal",
    description="Afdelingens nøgletal i lang form; hver værdi med det alvorligste gældende flag.",
)
def estate_key_figures(request, org_no: str, estate_no: str, filters: Query[YearFilter]):
    estate = get_object_or_404(
        Estate.objects.visible_to(request.user).select_related("organisation"),
        organisation__org_no=org_no,
        estate_no=estate_no,
    )
    access_log.exported(request, "api", estate.organisation, estate_no=estate.estate_no)
    return figure_values(request.user, estate.organisation, estate, filters.year)
