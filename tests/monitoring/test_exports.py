"""Exports for the styringsdialog: the dashboard as CSV; a formula in a name stays text in the
CSV and in the organisation report (tests/monitoring/test_styringsdialog_report.py)."""

import csv
import io

import pytest
from openpyxl import load_workbook

pytestmark = [pytest.mark.django_db, pytest.mark.monitoring_data_once]


def test_dashboard_csv_holds_the_municipalitys_organisations_only(
    client, login, caseworker_kk, monitoring_data
):
    login(client, caseworker_kk)

    response = client.get("/monitorering/eksport.csv", {"aar": 2024})

    assert response["Content-Disposition"] == 'attachment; filename="tilsyn-101-2024.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:2] == ["Organisationsnummer", "Navn"]
    assert [row[0] for row in rows[1:]] == ["0042", "0044"]
    assert rows[0][4:] == ["Vurdering", "Point", "Røde flag", "Gule flag", "Begrundelse"]
    assert rows[1][4:8] == ["Gul", "3", "1", "0"]  # half the homes red: rød takes 75 %
    assert rows[1][8] == "50 % af boligerne i afdelinger med rødt flag (T03)"


def test_styrelse_needs_a_municipality_for_the_csv(client, login, editor, monitoring_data):
    login(client, editor)

    assert client.get("/monitorering/eksport.csv").status_code == 404
    assert client.get("/monitorering/eksport.csv", {"kommune": 751}).status_code == 200


HOSTILE = "=2+5+cmd|'/Ccalc'!A0"


def test_dashboard_csv_keeps_a_formula_in_a_name_as_text(
    client, login, caseworker_kk, monitoring_data
):
    monitoring_data["kk"].name = HOSTILE
    monitoring_data["kk"].save()
    login(client, caseworker_kk)

    response = client.get("/monitorering/eksport.csv", {"aar": 2024})

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[1][:2] == ["0042", f"'{HOSTILE}"]


def test_organisation_report_keeps_a_formula_in_an_estate_name_as_text(
    client, login, caseworker_kk, monitoring_data
):
    monitoring_data["estate"].name = HOSTILE
    monitoring_data["estate"].save()
    login(client, caseworker_kk)

    response = client.get("/monitorering/organisation/0042/rapport.xlsx", {"aar": 2024})

    sheet = load_workbook(io.BytesIO(response.content))["Afdelinger"]
    cells = [cell for row in sheet.iter_rows(min_row=3) for cell in row]
    assert f"'{HOSTILE}" in [cell.value for cell in cells]
    assert {cell.data_type for cell in cells} <= {"s", "n"}
    assert sheet.cell(row=3, column=5).value == 1
