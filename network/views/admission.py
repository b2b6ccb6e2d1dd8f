"""The review of requests for the Netværksmedlem role, for administrators and group moderators."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from network import access, admission
from network.models import Group
from network.views.gate import network_view


def _reviewer_only(request):
    if not access.may_review_membership_requests(request.user, Group.objects.all()):
        raise Http404


@network_view
def membership_requests(request):
    _reviewer_only(request)
    return render(
        request,
        "network/membership_requests.html",
        {"requests": admission.pending_requests()},
    )


@require_POST
@network_view
def decide_membership_request(request, pk):
    _reviewer_only(request)
    membership_request = get_object_or_404(admission.pending_requests(), pk=pk)
    approve = request.POST.get("decision") == "approve"
    try:
        admission.decide(request.user, membership_request, approve)
    except admission.Refused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("%(person)s er nu netværksmedlem.") % {"person": membership_request.user}
            if approve
            else _("Anmodningen fra %(person)s er afvist.") % {"person": membership_request.user},
        )
    return redirect("network:membership_requests")
