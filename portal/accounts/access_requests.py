"""Asking for access, and deciding: approving makes the applicant a caseworker of the
municipality they asked for; either way the decision is kept on the request and in the audit
log, and the applicant is told by e-mail after the commit."""

from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import audit, roles
from portal.links import public_url
from portal.models import AccessRequest, AuditEvent


def submit(access_request, user):
    """Save the user's request (from its form, unsaved) and note it in the audit log."""
    access_request.user = user
    access_request.save()
    audit.record(
        AuditEvent.Kind.ACCESS_REQUESTED,
        subject=user,
        municipality=access_request.municipality.code,
    )
    return access_request


@transaction.atomic
def decide(access_request, decided_by, *, approved, note):
    access_request.status = (
        AccessRequest.Status.APPROVED if approved else AccessRequest.Status.REJECTED
    )
    access_request.decided_at = timezone.now()
    access_request.decided_by = decided_by
    access_request.decision_note = note
    access_request.save()
    applicant = access_request.user
    if approved:
        applicant.municipality = access_request.municipality
        applicant.save(update_fields=["municipality"])
        applicant.groups.add(Group.objects.get(name=roles.CASEWORKER))
    audit.record(
        AuditEvent.Kind.ACCESS_DECIDED,
        subject=applicant,
        decision=access_request.status,
        municipality=access_request.municipality.code,
    )
    _notify_applicant(access_request)
    return access_request


def _notify_applicant(access_request):
    context = {
        "access_request": access_request,
        "profile_url": public_url(reverse("profile")),
    }
    transaction.on_commit(
        lambda: send_mail(
            _("Din anmodning om adgang til Tilsynsportalen"),
            render_to_string("portal/accounts/email/access_decided.txt", context),
            None,
            [access_request.user.email],
        )
    )
