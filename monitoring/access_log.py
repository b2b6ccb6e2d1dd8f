"""Who viewed which organisation, estate or case, and who exported what, in the portal's audit
log: the privacy page promises a log of "visning af fortrolige nøgletal" (who, what, when and
from which address). The one writer of these events, so every one has the same details: what,
path, the organisation's number and what the caller adds. One insert per request, written
alongside the page and committed before it is shown (`portal.audit.record_alongside`)."""

from portal import audit
from portal.models import AuditEvent


def _record(kind, request, what, organisation=None, **details):
    if organisation is not None:
        details["organisation"] = organisation.org_no
    audit.record_alongside(
        kind,
        subject=request.user,
        request=request,
        what=what,
        path=request.get_full_path(),
        **details,
    )


def viewed(request, what, organisation, **details):
    """A monitoring page about `organisation` was shown (`what`: organisation, estate, case…)."""
    _record(AuditEvent.Kind.MONITORING_VIEWED, request, what, organisation, **details)


def exported(request, what, organisation=None, **details):
    """Monitoring data left the portal (`what`: api, csv, xlsx, print; a file's name as
    `file`)."""
    _record(AuditEvent.Kind.MONITORING_EXPORTED, request, what, organisation, **details)
