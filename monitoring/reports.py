"""The styringsdialog report as an XLSX workbook (openpyxl): a cover, the year's cases with the
questions to ask, the key figures against their peers, the estates with their flags, the key
figures of the estates with cases, and styrelse's notes. Text goes through `portal.exports.safe_cell`; figures through the one value
formatter (`monitoring.formatting`)."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from monitoring import formatting
from monitoring.models import Severity
from portal.exports import safe_cell

FILLS = {
    Severity.RED: PatternFill("solid", fgColor="F4B6B6"),
    Severity.YELLOW: PatternFill("solid", fgColor="FCE9A6"),
}
TITLE = Font(bold=True, size=14)
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
DATETIME_FORMAT = formatting.XLSX_DATE_FORMAT + " hh:mm"
INTEGER_FORMAT = "#,##0"


def _put(sheet, row, column, value, number_format=None):
    """Write a value (text neutralised; an empty text left an empty cell)."""
    cell = sheet.cell(row=row, column=column, value=safe_cell(value) if value != "" else None)
    if number_format:
        cell.number_format = number_format
    return cell


def _table(workbook, sheet_title, title, header, rows, widths):
    """A sheet with a title line, a bold header and rows of values or (value, number format)."""
    sheet = workbook.create_sheet(sheet_title)
    sheet.cell(row=1, column=1, value=safe_cell(title)).font = TITLE
    for column, text in enumerate(header, start=1):
        _put(sheet, 2, column, text).font = BOLD
    for row_index, row in enumerate(rows, start=3):
        for column, value in enumerate(row, start=1):
            value, number_format = value if isinstance(value, tuple) else (value, None)
            _put(sheet, row_index, column, value, number_format).alignment = WRAP
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A3"
    return sheet


def _cover(workbook, report):
    organisation, assessment = report.organisation, report.assessment
    sheet = workbook.active
    sheet.title = _("Forside")
    sheet["A1"] = _("Rapport til styringsdialogen")
    sheet["A1"].font = TITLE
    lines = [
        (_("Boligorganisation"), f"{organisation.org_no} {organisation.name}", None),
        (_("Tilsynskommune"), organisation.supervising_municipality.name, None),
        (_("Regnskabsår"), report.year, "0"),
        (_("Dannet"), timezone.make_naive(report.generated), DATETIME_FORMAT),
        (_("Samlet vurdering"), assessment.get_assessment_display() if assessment else "", None),
        (_("Begrundelse"), assessment.reasons if assessment else "", None),
        (_("Point"), assessment.score if assessment else None, "0.0"),
        (_("Sager i året"), len(report.cases), INTEGER_FORMAT),
        (_("heraf i afdelinger"), report.estate_cases, INTEGER_FORMAT),
        (_("Afdelinger"), len(report.estates), INTEGER_FORMAT),
        (_("Boliger"), report.homes, INTEGER_FORMAT),
        (_("Notater fra styrelsen"), len(report.notes), INTEGER_FORMAT),
    ]
    for row, (label, value, number_format) in enumerate(lines, start=3):
        _put(sheet, row, 1, label).font = BOLD
        _put(sheet, row, 2, value, number_format).alignment = WRAP
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 80


def _cases(workbook, report):
    _table(
        workbook,
        _("Sager %(year)s") % {"year": report.year},
        _("Sager i %(year)s: boligorganisationen og dens afdelinger") % {"year": report.year},
        [
            _("Afdeling"),
            _("Regel"),
            _("Alvor"),
            _("Forklaring"),
            _("Flaget siden"),
            _("År i træk"),
            _("Status"),
            _("Ansvarlig"),
            _("Spørgsmål til mødet"),
        ],
        [
            [
                f"{flag.estate.estate_no} {flag.estate.name}"
                if flag.estate_id
                else _("Boligorganisationen"),
                f"{flag.rule.code} {flag.rule.name}",
                flag.get_severity_display(),
                flag.explanation,
                (flag.case.first_year, "0"),
                (flag.years_running, "0"),
                flag.case.get_status_display(),
                flag.case.assigned_to.get_full_name() if flag.case.assigned_to else "",
                "\n".join(flag.rule.action_steps),
            ]
            for flag in report.cases
        ],
        [24, 28, 8, 50, 12, 10, 18, 20, 70],
    )


def _figure_cells(sheet, row_index, first_column, row):
    """A figure row's values across the years (queries.FigureRow), flagged cells filled."""
    for column, (_year, value, mark) in enumerate(row.cells, start=first_column):
        cell = formatting.set_xlsx_cell(sheet.cell(row=row_index, column=column), row.figure, value)
        if mark:
            cell.fill = FILLS[mark]


def _figures(workbook, report):
    quartiles = [_("Nedre kvartil"), _("Median"), _("Øvre kvartil")]
    sheet = _table(
        workbook,
        _("Nøgletal"),
        _("Nøgletal år for år og organisationer af samme størrelse i %(year)s")
        % {"year": report.year},
        [
            _("Nøgletal"),
            _("Enhed"),
            *report.years,
            *(f"{label} {report.year}" for label in quartiles),
        ],
        [[line.row.figure.name, formatting.unit(line.row.figure)] for line in report.figures],
        [40, 12, *([14] * (len(report.years) + len(quartiles)))],
    )
    for row_index, line in enumerate(report.figures, start=3):
        figure = line.row.figure
        _figure_cells(sheet, row_index, 3, line.row)
        if line.peer is not None:
            peer = line.peer
            first = 3 + len(report.years)
            for offset, value in enumerate((peer.lower_quartile, peer.median, peer.upper_quartile)):
                formatting.set_xlsx_cell(
                    sheet.cell(row=row_index, column=first + offset), figure, value
                )


def _estates(workbook, report):
    _table(
        workbook,
        _("Afdelinger"),
        _("Afdelinger og deres flag i %(year)s") % {"year": report.year},
        [
            _("Afdeling"),
            _("Navn"),
            _("Beliggenhedskommune"),
            _("Boliger"),
            _("Røde flag"),
            _("Gule flag"),
            _("Flag"),
        ],
        [
            [
                line.estate.estate_no,
                line.estate.name,
                line.estate.municipality.name,
                (line.estate.homes, INTEGER_FORMAT),
                line.red,
                line.yellow,
                ", ".join(line.rules),
            ]
            for line in report.estates
        ],
        [10, 30, 20, 10, 10, 10, 40],
    )


def _estate_figures(workbook, report):
    lines = [(entry.estate, row) for entry in report.estate_figures for row in entry.rows]
    sheet = _table(
        workbook,
        _("Afdelingers nøgletal"),
        _("Nøgletal for afdelinger med sager i %(year)s") % {"year": report.year},
        [_("Afdeling"), _("Nøgletal"), _("Enhed"), *report.estate_years],
        [
            [f"{estate.estate_no} {estate.name}", row.figure.name, formatting.unit(row.figure)]
            for estate, row in lines
        ],
        [24, 40, 12, *([14] * len(report.estate_years))],
    )
    for row_index, (_estate, row) in enumerate(lines, start=3):
        _figure_cells(sheet, row_index, 4, row)


def _notes(workbook, report):
    _table(
        workbook,
        _("Notater"),
        _("Notater fra styrelsen"),
        [
            _("Overskrift"),
            _("Afdeling"),
            _("Skrevet"),
            _("Svar senest"),
            _("Status"),
            _("Notat"),
            _("Seneste svar"),
        ],
        [
            [
                note.title,
                note.estate.estate_no if note.estate_id else "",
                (timezone.localtime(note.created).date(), formatting.XLSX_DATE_FORMAT),
                (note.respond_by, formatting.XLSX_DATE_FORMAT),
                note.get_status_display(),
                note.body,
                note.latest[0].text if note.latest else "",
            ]
            for note in report.notes
        ],
        [30, 10, 16, 16, 16, 60, 60],
    )


def organisation_workbook(report):
    """The styringsdialog report (`monitoring.styringsdialog.Report`) as XLSX bytes."""
    workbook = Workbook()
    _cover(workbook, report)
    _cases(workbook, report)
    _figures(workbook, report)
    _estates(workbook, report)
    _estate_figures(workbook, report)
    _notes(workbook, report)
    organisation = report.organisation
    workbook.properties.title = _("Rapport til styringsdialogen %(year)s: %(name)s") % {
        "year": report.year,
        "name": f"{organisation.org_no} {organisation.name}",
    }
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
