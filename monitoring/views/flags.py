"""A flag's page: why it was raised, what to do, and its case's follow-up across years."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from monitoring import access, access_log, case_page, follow_up
from monitoring.forms import FlagFollowUpForm
from monitoring.views.gate import monitoring_view


@monitoring_view
def flag_page(request, pk):
    flag, data_version = case_page.visible_flag(request.user, pk)
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
    flag_cache_key = (flag.pk, data_version, translation.get_language())
    return render(
        request,
        "monitoring/flag.html",
        {
            "flag": flag,
            "facts": SimpleLazyObject(lambda: case_page.with_facts(flag.pk)),
            "form": form,
            "history": SimpleLazyObject(lambda: follow_up.history(flag.case)),
            "may_follow_up": may_follow_up,
            "flag_cache_key": flag_cache_key,
            # The unbound form's fields, without its per-render token, show the case's status
            # and assignee (the data version) and the caseworkers it can be given to.
            "form_cache_key": form and (*flag_cache_key, form.assignees),
        },
    )
