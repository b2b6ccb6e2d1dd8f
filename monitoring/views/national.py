"""Styrelse's picture of the country: flags per municipality and rule, and across years."""

from django.db.models import Count, Q, Sum
from django.shortcuts import render

from monitoring import queries
from monitoring.models import Assessment, Flag, Organisation, Severity, StyrelseNote
from monitoring.views.entities import selected_year
from monitoring.views.gate import styrelse_view
from portal.models import Municipality

# Lower bounds of the shading classes of the municipality tiles: per cent of the homes of the
# municipality's organisations that lie in organisations assessed rød.
SHADE_BOUNDS = [1, 10, 25, 50]
SEARCH_LIMIT = 25


def shade(share):
    return sum(share >= bound for bound in SHADE_BOUNDS)


def municipality_rows(year):
    """Each municipality with its organisations' assessments of the year: how many are rød and
    gul, and the share of their homes in rød organisations (what the tiles are shaded by)."""
    assessed = Q(supervised_organisations__assessments__year=year)
    red = assessed & Q(supervised_organisations__assessments__assessment=Assessment.RED)
    rows = list(
        Municipality.objects.annotate(
            organisations=Count("supervised_organisations", filter=assessed),
            red=Count("supervised_organisations", filter=red),
            yellow=Count(
                "supervised_organisations",
                filter=assessed
                & Q(supervised_organisations__assessments__assessment=Assessment.YELLOW),
            ),
            homes=Sum("supervised_organisations__assessments__homes", filter=assessed),
            red_homes=Sum("supervised_organisations__assessments__homes", filter=red),
        ).order_by("region", "name")
    )
    for row in rows:
        row.share = 100 * (row.red_homes or 0) / row.homes if row.homes else 0
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


def open_requests(user):
    """Styrelse's notes still awaiting a municipality's answer, by municipality and deadline."""
    return (
        StyrelseNote.objects.readable_by(user)
        .open_requests()
        .select_related("organisation__supervising_municipality", "estate")
        .order_by("organisation__supervising_municipality__name", "respond_by", "pk")
    )


@styrelse_view
def national(request):
    year, years = selected_year(request, queries.data_version())
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
            "open_requests": open_requests(request.user),
        },
    )
