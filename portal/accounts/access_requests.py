"""Deciding an access request: approving makes the applicant a caseworker of the municipality
they asked for; either way the decision is kept on the request and in the audit log."""

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from portal import audit, roles
from portal.models import AccessRequest, AuditEvent


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
    return access_request
