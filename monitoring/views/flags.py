"""A flag's page: why it was raised, what to do, and its follow-up across years."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from monitoring import access
from monitoring.forms import FlagFollowUpForm
from monitoring.models import Flag, FlagEvent
from monitoring.views.gate import monitoring_view


def visible_flag(user, pk):
    return get_object_or_404(
        Flag.objects.visible_to(user).select_related(
            "rule",
            "rule__figure",
            "rule__guidance_page",
            "rule__figure__guidance_page",
            "organisation",
            "estate",
            "assigned_to",
            "batch",
            "rule_revision",
        ),
        pk=pk,
    )


def history(flag):
    """Every follow-up step of this rule for this entity, this year and the years before."""
    return (
        FlagEvent.objects.filter(
            flag__rule_id=flag.rule_id,
            flag__organisation_id=flag.organisation_id,
            flag__estate_id=flag.estate_id,
            flag__year__lte=flag.year,
        )
        .select_related("user", "assigned_to", "flag")
        .order_by("-created", "-pk")
    )


@monitoring_view
def flag_page(request, pk):
    flag = visible_flag(request.user, pk)
    may_follow_up = access.may_follow_up(request.user, flag.organisation)
    form = None
    if may_follow_up:
        initial = {"status": flag.status, "assigned_to": flag.assigned_to}
        form = FlagFollowUpForm(
            request.POST if request.method == "POST" else None, flag=flag, initial=initial
        )
        if request.method == "POST" and form.is_valid():
            record_follow_up(flag, request.user, form.cleaned_data)
            messages.success(request, _("Opfølgningen er gemt."))
            return redirect("monitoring:flag", pk=flag.pk)
    return render(
        request,
        "monitoring/flag.html",
        {"flag": flag, "form": form, "history": history(flag), "may_follow_up": may_follow_up},
    )


@transaction.atomic
def record_follow_up(flag, user, data):
    flag.status = data["status"]
    flag.assigned_to = data["assigned_to"]
    flag.save(update_fields=["status", "assigned_to"])
    FlagEvent.objects.create(
        flag=flag,
        user=user,
        status=data["status"],
        assigned_to=data["assigned_to"],
        note=data["note"].strip(),
    )
