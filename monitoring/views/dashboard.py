"""The caseworker's dashboard: "Tilsyn med mine boligorganisationer"."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from monitoring import access, assessment, queries
from monitoring.forms import DashboardFilterForm
from monitoring.models import Estate, Flag, NoteStatus, Organisation, StyrelseNote
from monitoring.views.gate import chosen_municipality, monitoring_view
from portal.access import caseworker_municipality_id
from portal.pagination import query_string

PAGE_SIZE = 50
NOTES_SHOWN = 10


def dashboard_context(request):
    """What the page and its CSV export share: the municipality, the filters and the rows."""
    municipality = chosen_municipality(request)
    version = queries.data_version()
    years = queries.available_years(version)
    form = DashboardFilterForm(request.GET or None, years)
    lookups = queries.flag_lookups(**form.flag_lookups_kwargs(years[0] if years else None))
    only_flagged = form.has_flag_filter or form.is_valid() and form.cleaned_data["kun_flagede"]

    def organisations():
        return Organisation.objects.visible_to(request.user).filter(
            supervising_municipality=municipality
        )

    def flags():
        return Flag.objects.visible_to(request.user).filter(
            organisation__supervising_municipality=municipality, **lookups
        )

    # Rows and counts are built and read only when the page's fragment is not in the cache.
    return {
        "municipality": municipality,
        "form": form,
        # The filter form's selects cost more to render than the rest of the page: keep its
        # HTML until the query or the data (the years and the rules among it) change.
        "filters_cache_key": (request.GET.urlencode(), version),
        "data_version": version,
        "year": lookups["year"],
        "years": years,
        "rows": SimpleLazyObject(
            lambda: queries.dashboard_organisations(organisations(), lookups, only_flagged)
        ),
        "counts": SimpleLazyObject(lambda: queries.summary_counts(flags())),
        "assessments": SimpleLazyObject(
            lambda: queries.assessment_counts(organisations(), lookups["year"])
        ),
        "policy": SimpleLazyObject(assessment.policy),
    }


def unanswered_notes(user, municipality):
    """Styrelse's notes not yet answered on the municipality's organisations or on estates
    lying in it, newest first."""
    return (
        StyrelseNote.objects.readable_by(user)
        .filter(
            Q(organisation__supervising_municipality=municipality)
            | Q(estate__municipality=municipality)
        )
        .exclude(status=NoteStatus.ANSWERED)
        .select_related("organisation", "estate")[:NOTES_SHOWN]
    )


@monitoring_view
def dashboard(request):
    context = dashboard_context(request)
    if context["municipality"] is None:
        return redirect("monitoring:national")
    rows, number = context["rows"], request.GET.get("side")
    own = caseworker_municipality_id(request.user)
    context.update(
        page_obj=SimpleLazyObject(lambda: Paginator(rows, PAGE_SIZE).get_page(number)),
        # The figures and the table differ by municipality, by what the filters hold (the query,
        # the years, the rules) and by the data: never one municipality's for another's.
        table_cache_key=(context["municipality"].pk, context["filters_cache_key"]),
        query_string=query_string(request),
        # Styrelse's unanswered notes (overdue as of today) and, for a caseworker of the
        # municipality only, the estates lying in it that another municipality supervises.
        local_cache_key=(
            context["municipality"].pk,
            own,
            context["year"],
            context["data_version"],
            timezone.localdate(),
        ),
        notes=SimpleLazyObject(lambda: unanswered_notes(request.user, context["municipality"])),
        located=SimpleLazyObject(
            lambda: queries.located_estates_with_flags(
                access.located_estates(request.user, Estate.objects.all()), context["year"]
            )
        ),
    )
    return render(request, "monitoring/dashboard.html", context)
