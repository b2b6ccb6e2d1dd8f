"""The styringsdialog report: the XLSX workbook opened with openpyxl (cover, cases of the
organisation and its estates, figures with number formats, dates and peers, estates with their
flags, styrelse's notes) and its print view, both audited and never stored by a cache."""

import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from monitoring_fixtures import raise_flag, set_value
from openpyxl import load_workbook

from monitoring.models import Estate, KeyFigure, KeyFigureValue, StyrelseNote
from portal.models import AuditEvent

pytestmark = [pytest.mark.django_db, pytest.mark.monitoring_data_once]

XLSX = "/monitorering/organisation/0042/rapport.xlsx"
PRINT = "/monitorering/organisation/0042/rapport/"
EPOCH = datetime.date(1970, 1, 1)


@pytest.fixture
def report_data(monitoring_data):
    """0042 with its accounts received on 30 June 2024 and a note from styrelse asking for an
    answer by 1 March 2025."""
    set_value(
        "accounts_received_date",
        monitoring_data["kk"],
        2024,
        (datetime.date(2024, 6, 30) - EPOCH).days,
    )
    set_value("auditor_qualified", monitoring_data["kk"], 2024, 1.0)
    StyrelseNote.objects.create(
        organisation=monitoring_data["kk"],
        estate=monitoring_data["estate"],
        title="Særlig driftsstøtte",
        body="Landsbyggefonden giver særlig driftsstøtte til afdelingen.",
        respond_by=datetime.date(2025, 3, 1),
    )
    return monitoring_data


@pytest.fixture
def workbook(client, login, caseworker_kk, report_data):
    login(client, caseworker_kk)
    response = client.get(XLSX, {"aar": 2024})
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def rows(sheet):
    return list(sheet.iter_rows(min_row=3))


def test_the_workbook_has_a_cover_and_titled_sheets(workbook):
    assert workbook.sheetnames == [
        "Forside",
        "Sager 2024",
        "Nøgletal",
        "Afdelinger",
        "Afdelingers nøgletal",
        "Notater",
    ]
    cover = workbook["Forside"]
    facts = {row[0].value: row[1] for row in cover.iter_rows(min_row=3)}
    assert cover["A1"].value == "Rapport til styringsdialogen"
    assert facts["Boligorganisation"].value == "0042 Københavns Almene Boliger"
    assert facts["Tilsynskommune"].value == "København"
    assert facts["Regnskabsår"].value == 2024
    assert facts["Samlet vurdering"].value == "Gul"
    assert "T03" in facts["Begrundelse"].value
    assert facts["Dannet"].is_date and "yyyy" in facts["Dannet"].number_format
    assert facts["Dannet"].value.date() == datetime.date.today()
    assert workbook["Sager 2024"]["A1"].value.startswith("Sager i 2024")


def test_every_current_case_of_the_estates_is_listed_with_its_questions(workbook):
    cases = rows(workbook["Sager 2024"])

    assert len(cases) == 1
    case = [cell.value for cell in cases[0]]
    assert case[:4] == ["001 Afdeling 1", "T03 Høj ledighed", "Rød", "Forklaring T03 2024: 7,5"]
    assert case[4:7] == [2023, 2, "Ny"]
    assert case[8].startswith("Spørg organisationen, hvorfor boligerne står tomme")
    assert "Drøft udlejningen i styringsdialogen." in case[8]


def test_an_organisation_case_comes_before_the_estates(client, login, caseworker_kk, report_data):
    rule = report_data["flag"].rule
    raise_flag(rule, report_data["kk"], 2024)
    login(client, caseworker_kk)

    sheet = load_workbook(io.BytesIO(client.get(XLSX, {"aar": 2024}).content))["Sager 2024"]

    assert [row[0].value for row in rows(sheet)] == ["Boligorganisationen", "001 Afdeling 1"]


def test_figures_have_number_formats_dates_and_peer_quartiles(workbook):
    sheet = workbook["Nøgletal"]
    header = [cell.value for cell in sheet[2]]
    by_name = {row[0].value: row for row in rows(sheet)}

    assert header == [
        "Nøgletal",
        "Enhed",
        2023,
        2024,
        "Nedre kvartil 2024",
        "Median 2024",
        "Øvre kvartil 2024",
    ]
    fund = by_name["Dispositionsfond, disponibel"]
    assert fund[1].value == "kr./lme"
    assert [fund[2].value, fund[3].value] == [5200, 4800]
    assert fund[3].number_format.startswith("#,##0")
    assert fund[5].value == 4800  # the median of the three organisations
    received = by_name["Regnskab modtaget"][3]
    assert received.is_date and received.value.date() == datetime.date(2024, 6, 30)
    assert by_name["Revisors forbehold"][3].value == "Ja"


def test_estates_are_listed_with_their_flags(workbook):
    estates = {row[0].value: [cell.value for cell in row] for row in rows(workbook["Afdelinger"])}

    assert set(estates) == {"001", "002"}
    assert estates["001"][3:] == [40, 1, 0, "T03 Rød"]
    assert estates["002"][2] == "Tårnby"
    assert estates["002"][6] is None


def test_the_estates_with_cases_have_their_newest_figures_formatted_by_kind(workbook):
    sheet = workbook["Afdelingers nøgletal"]
    header = [cell.value for cell in sheet[2]]
    lines = rows(sheet)

    assert header == ["Afdeling", "Nøgletal", "Enhed", 2022, 2023, 2024]
    assert {row[0].value for row in lines} == {"001 Afdeling 1"}, "only estates with cases"
    vacancy = next(row for row in lines if row[1].value == "Ledighedsprocent")
    assert vacancy[2].value == "%"
    assert [cell.value for cell in vacancy[3:]] == [None, 3.5, 7.5]
    assert vacancy[5].number_format == "#,##0.0"
    assert vacancy[5].fill.fgColor.rgb.endswith("F4B6B6"), "the flagged year marked red"
    assert vacancy[4].fill.fill_type is None


def test_styrelses_notes_are_in_the_workbook_with_date_cells(workbook):
    note = [cell for cell in rows(workbook["Notater"])[0]]

    assert note[0].value == "Særlig driftsstøtte"
    assert note[1].value == "001"
    assert note[2].is_date and note[2].value.date() == datetime.date.today()
    assert note[3].is_date and note[3].value.date() == datetime.date(2025, 3, 1)
    assert note[4].value == "Ny"


def test_the_export_is_audited_and_not_stored(client, login, caseworker_kk, report_data):
    login(client, caseworker_kk)

    response = client.get(XLSX, {"aar": 2024})

    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    assert response["Content-Disposition"] == 'attachment; filename="styringsdialog-0042-2024.xlsx"'
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.MONITORING_EXPORTED)
    assert event.actor == caseworker_kk
    assert event.details == {
        "what": "xlsx",
        "file": "styringsdialog-0042-2024.xlsx",
        "organisation": "0042",
        "year": 2024,
        "path": "/monitorering/organisation/0042/rapport.xlsx?aar=2024",
    }


def test_the_print_view_shows_the_same_report(client, login, caseworker_kk, report_data):
    login(client, caseworker_kk)

    response = client.get(PRINT, {"aar": 2024})

    page = response.content.decode()
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    assert "Rapport til styringsdialogen" in page
    assert "Forklaring T03 2024: 7,5" in page
    assert "Spørg organisationen, hvorfor boligerne står tomme" in page
    assert "30. juni 2024" in page and "4.800" in page
    assert "Særlig driftsstøtte" in page
    estate_figures = page[
        page.index('id="report-estate-figures"') : page.index('id="report-notes"')
    ]
    assert "Afdeling 001 Afdeling 1" in estate_figures and "Afdeling 002" not in estate_figures
    assert ">7,5<" in estate_figures and "7.5" not in estate_figures
    assert AuditEvent.objects.filter(
        kind=AuditEvent.Kind.MONITORING_EXPORTED, details__what="print"
    ).exists()


def test_another_municipality_gets_no_report(client, login, lead_caseworker_aarhus, report_data):
    login(client, lead_caseworker_aarhus)

    assert client.get(XLSX).status_code == 404
    assert client.get(PRINT).status_code == 404
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.MONITORING_EXPORTED).exists()


def test_report_queries_stay_constant_as_estates_and_cases_grow(
    client, login, caseworker_kk, report_data, django_assert_max_num_queries
):
    login(client, caseworker_kk)
    with CaptureQueriesContext(connection) as xlsx:
        client.get(XLSX, {"aar": 2024})
    with CaptureQueriesContext(connection) as page:
        client.get(PRINT, {"aar": 2024})
    rule = report_data["flag"].rule
    for number in range(3, 23):
        estate = report_data["kk"].estates.create(
            estate_no=f"{number:03d}",
            name=f"Afdeling {number}",
            municipality=report_data["kk"].supervising_municipality,
            homes=30,
            area_m2=2000,
            year_built=1980,
        )
        raise_flag(rule, estate, 2024)
        set_value("vacancy_rate_pct", estate, 2024, 4.25)
        StyrelseNote.objects.create(organisation=report_data["kk"], title=f"N{number}", body="x")

    with django_assert_max_num_queries(len(xlsx)):
        workbook = load_workbook(io.BytesIO(client.get(XLSX, {"aar": 2024}).content))
    with django_assert_max_num_queries(len(page)):
        assert client.get(PRINT, {"aar": 2024}).status_code == 200
    assert len(rows(workbook["Sager 2024"])) == 21
    assert len(rows(workbook["Afdelingers nøgletal"])) == 21, "one figure row per estate"


def test_the_print_view_shows_each_estate_only_the_figures_its_cases_are_about(
    client, login, caseworker_kk, report_data
):
    """With every estate figure reported, a large organisation's print view stays small: per
    estate with a case, its estate line, its case and the one figure the case is about."""
    login(client, caseworker_kk)
    organisation, rule = report_data["kk"], report_data["flag"].rule
    base = len(client.get(PRINT, {"aar": 2024}).content)
    figures = list(KeyFigure.objects.filter(for_estates=True))
    estates = organisation.estates.bulk_create(
        Estate(
            organisation=organisation,
            estate_no=f"{number:03d}",
            name=f"Afdeling {number}",
            municipality=organisation.supervising_municipality,
            homes=30,
            area_m2=2000,
            year_built=1980,
        )
        for number in range(3, 63)
    )
    KeyFigureValue.objects.bulk_create(
        KeyFigureValue(
            figure=figure, year=year, organisation=organisation, estate=estate, value=4.25
        )
        for estate in estates
        for figure in figures
        for year in (2022, 2023, 2024)
    )
    for estate in estates:
        raise_flag(rule, estate, 2024, value=4.25)

    page = client.get(PRINT, {"aar": 2024}).content

    assert len(figures) > 20
    assert (len(page) - base) / len(estates) < 4000, "bytes per estate with a case"
    text = page.decode()
    estate_figures = text[
        text.index('id="report-estate-figures"') : text.index('id="report-notes"')
    ]
    assert estate_figures.count("<tbody>") == len(estates) + 1
    assert estate_figures.count('<th scope="row"') == len(estates) + 1
