"""A flag's page: why it was raised, what to do, and its case's follow-up across years."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from monitoring import access, access_log, follow_up, queries
from monitoring.forms import FlagFollowUpForm
from monitoring.models import Flag
from monitoring.views.gate import monitoring_view


def visible_flag(user, pk):
    """The flag with what every request shows (its title, breadcrumbs and follow-up form): a
    few joins, as PostgreSQL took longer to plan a join of every relation than to run it."""
    return get_object_or_404(
        Flag.objects.visible_to(user).select_related(
            "rule", "organisation__supervising_municipality", "estate", "case"
        ),
        pk=pk,
    )


def flag_with_facts(pk):
    """The flag with everything its cached facts show, read only when they are rendered."""
    return Flag.objects.select_related(
        "rule__figure__guidance_page",
        "rule__guidance_page",
        "figure",
        "organisation",
        "estate",
        "case__assigned_to",
        "batch",
        "rule_revision",
    ).get(pk=pk)


@monitoring_view
def flag_page(request, pk):
    flag = visible_flag(request.user, pk)
    access_log.viewed(
        request,
        "case",
        flag.organisation,
        estate_no=flag.estate.estate_no if flag.estate else None,
        case=flag.case_id,
        flag=flag.pk,
        year=flag.year,
    )
    may_follow_up = access.may_follow_up(request.user, flag.organisation)
    form = None
    if may_follow_up:
        initial = {"status": flag.case.status, "assigned_to": flag.case.assigned_to_id}
        form = FlagFollowUpForm(
            request.POST if request.method == "POST" else None, flag=flag, initial=initial
        )
        if request.method == "POST" and form.is_valid():
            follow_up.record(flag, request.user, form.cleaned_data)
            messages.success(request, _("Opfølgningen er gemt."))
            return redirect("monitoring:flag", pk=flag.pk)
    # The facts and the history are the same for every reader of the flag; a follow-up step
    # moves the data version on.
    flag_cache_key = (flag.pk, queries.data_version(), translation.get_language())
    return render(
        request,
        "monitoring/flag.html",
        {
            "flag": flag,
            "facts": SimpleLazyObject(lambda: flag_with_facts(flag.pk)),
            "form": form,
            "history": SimpleLazyObject(lambda: follow_up.history(flag.case)),
            "may_follow_up": may_follow_up,
            "flag_cache_key": flag_cache_key,
            # The unbound form's fields, without its per-render token, show the case's status
            # and assignee (the data version) and the caseworkers it can be given to.
            "form_cache_key": form and (*flag_cache_key, form.assignees),
        },
    )
