"""Wagtail's own admin reports export their cells through our formula rule (portal/exports.py),
like every other spreadsheet the portal writes: a page title is text an editor chooses."""

import csv
import io

import pytest
from django.urls import resolve
from openpyxl import load_workbook
from wagtail.admin.urls import reports as wagtail_reports

from portal import admin_reports, roles

TITLE = '=HYPERLINK("http://example.invalid","Klik")'


def csv_rows(response):
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def xlsx_rows(response):
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


@pytest.fixture
def publisher(make_user):
    """An editor who also approves: every page report lists the pages they publish."""
    return make_user([roles.EDITOR, roles.APPROVER], mfa=True)


@pytest.fixture
def formula_page(make_guidance_page, publisher):
    page = make_guidance_page(TITLE)
    page.locked, page.locked_by = True, publisher
    page.save(update_fields=["locked", "locked_by"])
    return page


@pytest.mark.parametrize("report", ["aging-pages", "locked", "site-history"])
@pytest.mark.parametrize("reader, export", [(csv_rows, "csv"), (xlsx_rows, "xlsx")])
def test_a_page_title_starting_with_a_formula_is_exported_as_text(
    client, login, publisher, formula_page, report, reader, export
):
    login(client, publisher)

    response = client.get(f"/admin/reports/{report}/", {"export": export})

    assert response.status_code == 200
    cells = [cell for row in reader(response)[1:] for cell in row]
    assert f"'{TITLE}" in cells
    assert TITLE not in cells


@pytest.mark.parametrize("route", [str(p.pattern) for p in wagtail_reports.urlpatterns])
def test_every_wagtail_report_route_is_answered_by_the_neutralised_views(route):
    view = resolve(f"/admin/reports/{route}").func

    assert view in [pattern.callback for pattern in admin_reports.urlpatterns]
