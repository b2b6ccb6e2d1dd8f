"""The organisation report for the styringsdialog meeting as an XLSX workbook (openpyxl)."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from monitoring import formatting
from monitoring.models import Severity
from portal.exports import safe_row

FILLS = {
    Severity.RED: PatternFill("solid", fgColor="F4B6B6"),
    Severity.YELLOW: PatternFill("solid", fgColor="FCE9A6"),
}
BOLD = Font(bold=True)


def _sheet(workbook, title, header, rows, first=False):
    sheet = workbook.active if first else workbook.create_sheet()
    sheet.title = title
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = BOLD
    for row in rows:
        sheet.append(safe_row(row))
    sheet.freeze_panes = "A2"
    return sheet


def organisation_workbook(context):
    """Flags, key figures (flagged cells filled) and estates of one organisation, as bytes."""
    organisation, year = context["organisation"], context["year"]
    workbook = Workbook()
    _sheet(
        workbook,
        _("Flag %(year)s") % {"year": year},
        [_("Afdeling"), _("Regel"), _("Alvor"), _("Forklaring"), _("Status")],
        [
            [
                flag.estate.estate_no if flag.estate_id else "",
                flag.rule.code,
                flag.get_severity_display(),
                flag.explanation,
                flag.case.get_status_display(),
            ]
            for flag in context["flags"]
        ],
        first=True,
    )
    figures = _sheet(
        workbook,
        _("Nøgletal"),
        [_("Nøgletal"), _("Enhed"), *context["figures"].years],
        [[row.figure.name, formatting.unit(row.figure)] for row in context["figures"].rows],
    )
    for row_index, row in enumerate(context["figures"].rows, start=2):
        for column_index, (_year, value, mark) in enumerate(row.cells, start=3):
            cell = formatting.set_xlsx_cell(
                figures.cell(row=row_index, column=column_index), row.figure, value
            )
            if mark:
                cell.fill = FILLS[mark]
    _sheet(
        workbook,
        _("Afdelinger"),
        [_("Afdeling"), _("Navn"), _("Kommune"), _("Boliger"), _("Røde flag"), _("Gule flag")],
        [
            [e.estate_no, e.name, e.municipality.name, e.homes, e.red, e.yellow]
            for e in context["estates"]
        ],
    )
    workbook.properties.title = f"{organisation.org_no} {organisation.name} {year}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
