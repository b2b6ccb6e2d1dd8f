"""Exports for the styringsdialog: the dashboard and an entity's key figures as CSV, an
organisation's report as XLSX and as a print view. Every export is written to the audit log
through `monitoring.access_log`, as the API's are."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from monitoring import access_log, entity_access, formatting, reports, styringsdialog
from monitoring.models import Assessment, Level
from monitoring.views.dashboard import dashboard_context
from monitoring.views.entities import EntityFigures, selected_year
from monitoring.views.gate import monitoring_view
from portal.exports import SafeCsvWriter


def attachment(request, response, filename, organisation=None, **details):
    """The response as a file download, recorded in the audit log as an export of its type
    ("csv", "xlsx") with the file's name and `details`."""
    kind = filename.rsplit(".", 1)[-1]
    access_log.exported(request, kind, organisation, file=filename, **details)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def csv_attachment(request, filename, organisation=None, **details):
    """A CSV response as Danish Excel opens it, and its writer."""
    response = attachment(
        request,
        HttpResponse(content_type="text/csv; charset=utf-8"),
        filename,
        organisation,
        **details,
    )
    response.write("\ufeff")  # Excel reads UTF-8 only with a byte-order mark
    return response, SafeCsvWriter(response, delimiter=";")


@monitoring_view
def dashboard_csv(request):
    context = dashboard_context(request)
    if context["municipality"] is None:
        raise Http404
    response, writer = csv_attachment(
        request,
        f"tilsyn-{context['municipality'].code}-{context['year']}.csv",
        municipality=context["municipality"].code,
        year=context["year"],
    )
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
                formatting.format_quantity(row.score),
                row.red,
                row.yellow,
                row.reasons or "",
            ]
        )
    return response


@monitoring_view
def figures_csv(request, org_no, estate_no=None):
    """An organisation's or an estate's key figures across years, as the page's table shows them."""
    if estate_no:
        organisation, estate, _version = entity_access.visible_estate(
            request.user, org_no, estate_no
        )
    else:
        organisation, _version = entity_access.visible_organisation(request.user, org_no)
        estate = None
    level = Level.ESTATE if estate else Level.ORGANISATION
    figures = EntityFigures(organisation, estate, [], [], level, size=None)
    name = f"{organisation.org_no}-{estate.estate_no}" if estate else organisation.org_no
    response, writer = csv_attachment(request, f"noegletal-{name}.csv", organisation)
    writer.writerow([_("Nøgletal"), *figures.years])
    for row in figures.rows:
        writer.writerow(
            [
                formatting.header(row.figure),
                *(formatting.format_value(row.figure, value) for _year, value, _mark in row.cells),
            ]
        )
    return response


def organisation_report(request, org_no):
    """The styringsdialog report of the organisation visible to the user, for the chosen year."""
    organisation, version = entity_access.visible_organisation(request.user, org_no)
    year, _years = selected_year(request, version)
    if year is None:
        raise Http404
    return styringsdialog.build(organisation, year)


@monitoring_view
def organisation_xlsx(request, org_no):
    report = organisation_report(request, org_no)
    response = HttpResponse(
        reports.organisation_workbook(report),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    filename = f"styringsdialog-{report.organisation.org_no}-{report.year}.xlsx"
    return attachment(request, response, filename, report.organisation, year=report.year)


@monitoring_view
def organisation_print(request, org_no):
    report = organisation_report(request, org_no)
    access_log.exported(request, "print", report.organisation, year=report.year)
    return render(request, "monitoring/report.html", {"report": report})
