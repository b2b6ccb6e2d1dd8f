"""An organisation's cases of a year in one paginated list, with one follow-up step for several
at once (the chosen ones, or all of a rule's): the supervising municipality's caseworkers
only."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import ngettext

from monitoring import access, access_log, entity_access, follow_up, queries
from monitoring.forms import BulkFollowUpForm
from monitoring.models import FlagCase
from monitoring.views.entities import selected_year
from monitoring.views.gate import monitoring_view
from portal.pagination import query_string

# Cases per page: a follow-up step on "all" still reaches every case of the filter.
CASE_PAGE_SIZE = 50


@monitoring_view
def organisation_cases(request, org_no):
    organisation, version = entity_access.visible_organisation(request.user, org_no)
    may_follow_up = access.may_follow_up(request.user, organisation)
    if request.method == "POST" and not may_follow_up:
        raise Http404
    year, years = selected_year(request, version)
    year_flags = queries.year_flags(organisation, year)
    rules = queries.rules_of(year_flags)
    rule = next((rule for rule in rules if rule.code == request.GET.get("regel")), None)
    shown = queries.case_list(year_flags, rule)
    page = Paginator(shown, CASE_PAGE_SIZE).get_page(request.GET.get("side"))
    form = None
    if may_follow_up:
        form = BulkFollowUpForm(
            request.POST if request.method == "POST" else None,
            organisation=organisation,
            cases=FlagCase.objects.filter(pk__in=year_flags.values("case")),
            shown=shown,
            count=page.paginator.count,
            rule=rule,
        )
        if request.method == "POST" and form.is_valid():
            flags = list(
                year_flags.filter(case__in=form.cleaned_data["case_ids"]).select_related("case")
            )
            follow_up.record_many(flags, request.user, form.cleaned_data)
            messages.success(
                request,
                ngettext(
                    "Opfølgningen er gemt på %(count)d sag.",
                    "Opfølgningen er gemt på %(count)d sager.",
                    len(flags),
                )
                % {"count": len(flags)},
            )
            return redirect(request.get_full_path())
    access_log.viewed(request, "cases", organisation, year=year)
    return render(
        request,
        "monitoring/organisation_cases.html",
        {
            "organisation": organisation,
            "year": year,
            "years": years,
            "rules": rules,
            "rule": rule,
            "page_obj": page,
            "query_string": query_string(request),
            "form": form,
            "chosen": set(request.POST.getlist("sager")),
            "may_follow_up": may_follow_up,
        },
    )
