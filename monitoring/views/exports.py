"""Exports for the styringsdialog: the dashboard and an entity's key figures as CSV, an
organisation's report as XLSX."""

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _

from monitoring import formatting, queries, reports
from monitoring.models import Assessment, Level
from monitoring.rules.formatting import format_number
from monitoring.views.dashboard import dashboard_context
from monitoring.views.entities import (
    EntityFigures,
    entity_context,
    visible_estate,
    visible_organisation,
)
from monitoring.views.gate import monitoring_view
from portal.exports import SafeCsvWriter


def attachment(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def csv_attachment(filename):
    """A CSV response as Danish Excel opens it, and its writer."""
    response = attachment(HttpResponse(content_type="text/csv; charset=utf-8"), filename)
    response.write("\ufeff")  # Excel reads UTF-8 only with a byte-order mark
    return response, SafeCsvWriter(response, delimiter=";")


@monitoring_view
def dashboard_csv(request):
    context = dashboard_context(request)
    if context["municipality"] is None:
        raise Http404
    response, writer = csv_attachment(
        f"tilsyn-{context['municipality'].code}-{context['year']}.csv"
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
                format_number(row.score),
                row.red,
                row.yellow,
                row.reasons or "",
            ]
        )
    return response


@monitoring_view
def figures_csv(request, org_no, estate_no=None):
    """An organisation's or an estate's key figures across years, as the page's table shows them."""
    organisation = visible_organisation(request.user, org_no)
    estate = visible_estate(organisation, estate_no) if estate_no else None
    level = Level.ESTATE if estate else Level.ORGANISATION
    figures = EntityFigures(organisation, estate, [], [], level, size=None)
    name = f"{organisation.org_no}-{estate.estate_no}" if estate else organisation.org_no
    response, writer = csv_attachment(f"noegletal-{name}.csv")
    writer.writerow([_("Nøgletal"), *figures.years])
    for row in figures.rows:
        writer.writerow(
            [
                formatting.header(row.figure),
                *(formatting.format_value(row.figure, value) for _year, value, _mark in row.cells),
            ]
        )
    return response


@monitoring_view
def organisation_xlsx(request, org_no):
    organisation = visible_organisation(request.user, org_no)
    context = entity_context(
        request,
        organisation,
        None,
        Level.ORGANISATION,
        lambda: queries.organisation_size(organisation),
    )
    context["estates"] = queries.estates_with_flags(organisation, context["year"])
    response = HttpResponse(
        reports.organisation_workbook(context),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    return attachment(response, f"styringsdialog-{organisation.org_no}-{context['year']}.xlsx")
