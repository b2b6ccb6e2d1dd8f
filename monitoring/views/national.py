"""Styrelse's picture of the country: flags per municipality and rule, and across years."""

from django.db.models import Count, Q
from django.shortcuts import render

from monitoring import queries
from monitoring.models import Flag, Organisation, Severity
from monitoring.views.entities import selected_year
from monitoring.views.gate import styrelse_view
from portal.models import Municipality

# Upper bounds of the shading classes of the municipality tiles, in per cent flagged.
SHADE_BOUNDS = [10, 25, 40, 60]
SEARCH_LIMIT = 25


def shade(share):
    return sum(share >= bound for bound in SHADE_BOUNDS)


def municipality_rows(year):
    flagged = Q(
        supervised_organisations__flags__is_current=True,
        supervised_organisations__flags__year=year,
    )
    rows = list(
        Municipality.objects.annotate(
            organisations=Count("supervised_organisations", distinct=True),
            flagged=Count("supervised_organisations", filter=flagged, distinct=True),
            red=Count(
                "supervised_organisations",
                filter=flagged & Q(supervised_organisations__flags__severity=Severity.RED),
                distinct=True,
            ),
        ).order_by("region", "name")
    )
    for row in rows:
        row.share = round(100 * row.flagged / row.organisations) if row.organisations else 0
        row.shade = shade(row.share)
    return rows


def severity_counts(queryset, *group_by):
    return (
        queryset.values(*group_by)
        .annotate(
            red=Count("pk", filter=Q(severity=Severity.RED)),
            yellow=Count("pk", filter=Q(severity=Severity.YELLOW)),
        )
        .order_by(*group_by)
    )


@styrelse_view
def national(request):
    year, years = selected_year(request)
    current = Flag.objects.visible_to(request.user).filter(is_current=True)
    query = request.GET.get("q", "").strip()
    found = []
    if query:
        found = (
            Organisation.objects.visible_to(request.user)
            .filter(
                Q(org_no=query.zfill(4) if query.isdigit() else query) | Q(name__icontains=query)
            )
            .select_related("supervising_municipality")[:SEARCH_LIMIT]
        )
    municipalities = municipality_rows(year)
    regions = {}
    for row in municipalities:
        regions.setdefault(row.get_region_display(), []).append(row)
    return render(
        request,
        "monitoring/national.html",
        {
            "year": year,
            "years": years,
            "regions": regions,
            "municipalities": municipalities,
            "rules": severity_counts(current.filter(year=year), "rule__code", "rule__name"),
            "development": severity_counts(current, "year"),
            "counts": queries.summary_counts(current.filter(year=year)),
            "query": query,
            "found": found,
            "shade_bounds": SHADE_BOUNDS,
        },
    )
