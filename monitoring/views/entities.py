"""An organisation's and an estate's page: flags with reasons and guidance, key figures across
years, charts against peers, and (for an organisation) its estates."""

from django.shortcuts import get_object_or_404, render

from monitoring import charts, queries
from monitoring.models import Estate, Level, Organisation
from monitoring.views.gate import monitoring_view
from portal import access


def selected_year(request):
    years = queries.available_years()
    requested = request.GET.get("aar", "")
    year = int(requested) if requested.isdigit() and int(requested) in years else None
    return (year or (years[0] if years else None)), years


def visible_organisation(user, org_no):
    return get_object_or_404(
        Organisation.objects.visible_to(user).select_related("supervising_municipality"),
        org_no=org_no,
    )


def entity_context(request, organisation, estate, level, size):
    year, years = selected_year(request)
    values = queries.entity_values(organisation, estate)
    owner = estate if estate is not None else organisation
    all_flags = queries.entity_flags(owner.flags.filter(estate=estate))
    chart_flags = [flag for flag in all_flags if flag.year == year]
    return {
        "organisation": organisation,
        "estate": estate,
        "year": year,
        "years": years,
        "flags": chart_flags,
        "earlier_flags": [flag for flag in all_flags if flag.year != year],
        "figure_years": sorted({value.year for value in values}),
        "figure_rows": queries.figure_table(
            values, all_flags, sorted({value.year for value in values})
        ),
        "charts": [
            charts.layout(chart) for chart in queries.charts(values, chart_flags, level, size)
        ],
        "may_follow_up": access.may_follow_up(request.user, organisation),
    }


@monitoring_view
def organisation_page(request, org_no):
    organisation = visible_organisation(request.user, org_no)
    context = entity_context(
        request, organisation, None, Level.ORGANISATION, queries.organisation_size(organisation)
    )
    context["estates"] = queries.estates_with_flags(organisation, context["year"])
    return render(request, "monitoring/organisation.html", context)


@monitoring_view
def estate_page(request, org_no, estate_no):
    organisation = visible_organisation(request.user, org_no)
    estate = get_object_or_404(
        Estate.objects.select_related("municipality"),
        organisation=organisation,
        estate_no=estate_no,
    )
    context = entity_context(request, organisation, estate, Level.ESTATE, estate.homes)
    return render(request, "monitoring/estate.html", context)
