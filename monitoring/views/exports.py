"""Exports for the styringsdialog: the dashboard as CSV, an organisation's report as XLSX and as
a print view. Every export is written to the audit log."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from monitoring import reports, styringsdialog
from monitoring.models import Assessment
from monitoring.rules.formatting import format_number
from monitoring.views.dashboard import dashboard_context
from monitoring.views.entities import selected_year, visible_organisation
from monitoring.views.gate import monitoring_view
from portal.audit import record
from portal.exports import SafeCsvWriter
from portal.models import AuditEvent


def audit_export(export, **details):
    record(AuditEvent.Kind.MONITORING_EXPORTED, export=export, **details)


def attachment(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@monitoring_view
def dashboard_csv(request):
    context = dashboard_context(request)
    if context["municipality"] is None:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response.write("\ufeff")  # Excel reads UTF-8 only with a byte-order mark
    writer = SafeCsvWriter(response, delimiter=";")
    writer.writerow(
        [
            _("Organisationsnummer"),
            _("Navn"),
            _("Afdelinger"),
            _("Boliger"),
            _("Vurdering"),
            _("Point"),
            _("Røde flag"),
            _("Gule flag"),
            _("Begrundelse"),
        ]
    )
    for row in context["rows"]:
        writer.writerow(
            [
                row.org_no,
                row.name,
                row.estate_count,
                row.homes,
                Assessment(row.assessment).label if row.assessment else "",
                format_number(row.score),
                row.red,
                row.yellow,
                row.reasons or "",
            ]
        )
    filename = f"tilsyn-{context['municipality'].code}-{context['year']}.csv"
    audit_export(filename, municipality=context["municipality"].code, year=context["year"])
    return attachment(response, filename)


def organisation_report(request, org_no):
    """The styringsdialog report of the organisation visible to the user, for the chosen year."""
    organisation = visible_organisation(request.user, org_no)
    year, _years = selected_year(request)
    if year is None:
        raise Http404
    return styringsdialog.build(organisation, year)


@monitoring_view
def organisation_xlsx(request, org_no):
    report = organisation_report(request, org_no)
    filename = f"styringsdialog-{report.organisation.org_no}-{report.year}.xlsx"
    audit_export(filename, organisation=report.organisation.org_no, year=report.year)
    response = HttpResponse(
        reports.organisation_workbook(report),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    return attachment(response, filename)


@monitoring_view
def organisation_print(request, org_no):
    report = organisation_report(request, org_no)
    audit_export("print", organisation=report.organisation.org_no, year=report.year)
    return render(request, "monitoring/report.html", {"report": report})
