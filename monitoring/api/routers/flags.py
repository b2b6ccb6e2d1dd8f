"""The current flags the user may see, filtered like the dashboard."""

from ninja import Query, Router
from ninja.pagination import paginate

from monitoring import access_log
from monitoring.api.filters import FlagFilters, current_flag_lookups
from monitoring.api.pagination import Pagination
from monitoring.api.schemas import ERRORS, FlagOut
from monitoring.models import Flag

router = Router(tags=["flags"])


@router.get(
    "/flags",
    response={200: list[FlagOut], **ERRORS},
    url_name="flags",
    operation_id="flags",
    summary="Gældende flag",
    description="De gældende flag, brugeren må se: nyeste år først, røde før gule.",
)
@paginate(Pagination)
def list_flags(request, filters: Query[FlagFilters]):
    flags = Flag.objects.visible_to(request.user).filter(**current_flag_lookups(filters.year))
    access_log.exported(request, "api")
    if filters.severity is not None:
        flags = flags.filter(severity=filters.severity_value())
    if filters.municipality is not None:
        flags = flags.filter(organisation__supervising_municipality__code=filters.municipality)
    if filters.rule is not None:
        flags = flags.filter(rule__code=filters.rule)
    return flags.select_related("rule", "figure", "organisation", "estate", "case").order_by(
        "-year", "severity", "organisation__org_no", "estate__estate_no", "rule__code", "pk"
    )
