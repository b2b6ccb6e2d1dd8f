"""Every key figure of the catalogue, through every output: the organisation and estate pages'
tables, the charts' data tables, the case pages, the CSV and XLSX exports and the API's display
fields.

Each figure gets a value for 2023 and 2024 at each level it applies to; every output must show a
date as a date, a boolean as Ja/Nej, and a number with exactly the figure's decimals.
"""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from monitoring_fixtures import fetched_anew, make_organisation, raise_flag, set_value
from openpyxl import load_workbook

from monitoring import formatting
from monitoring.models import Flag, FlagRule, KeyFigure, RuleKind, ValueKind

pytestmark = pytest.mark.django_db

YEARS = (2023, 2024)
DATES = {2023: datetime.date(2024, 6, 30), 2024: datetime.date(2025, 1, 2)}
DATE_TEXTS = {2023: "30. juni 2024", 2024: "2. januar 2025"}
NUMBERS = {2023: 1234.56789, 2024: -0.0412}


def stored(figure, year):
    """The float the database keeps for the figure in the year."""
    if figure.kind == ValueKind.DATE:
        return float((DATES[year] - formatting.EPOCH).days)
    if figure.kind == ValueKind.BOOLEAN:
        return 1.0 if year == 2023 else 0.0
    if figure.kind == ValueKind.COUNT:
        return 1234.0 if year == 2023 else 7.0
    return NUMBERS[year]


def expected_text(figure, year):
    """Written out by hand, not by the formatter under test."""
    if figure.kind == ValueKind.DATE:
        return DATE_TEXTS[year]
    if figure.kind == ValueKind.BOOLEAN:
        return "Ja" if year == 2023 else "Nej"
    if figure.kind == ValueKind.COUNT:
        return "1.234" if year == 2023 else "7"
    places = figure.decimals
    number = f"{round(NUMBERS[year], places) + 0.0:,.{places}f}"
    return number.translate(str.maketrans(",.", ".,"))


def raw_forms(figure, year):
    """What a value must never look like: an epoch day, 0/1, or a float with its digits."""
    value = stored(figure, year)
    if figure.kind == ValueKind.DATE:
        return {f"{value:.0f}", f"{value:,.0f}".replace(",", ".")}
    if figure.kind == ValueKind.BOOLEAN:
        return {"0", "1", "True", "False"}
    return {repr(value), f"{value}".replace(".", ",")} - {expected_text(figure, year)}


@pytest.fixture(scope="module")
def module_everything(module_transaction):
    """Organisation 0042 and its estate 001 with every figure of their level, each flagged in
    2024 so that it gets a chart when it has numbers; built once for the module."""
    organisation = make_organisation(101, "0042", "Alle Tal Boliger")
    estate = organisation.estates.get()
    figures = list(KeyFigure.objects.all())
    for number, figure in enumerate(figures):
        entities = [organisation] * figure.for_organisations + [estate] * figure.for_estates
        for entity in entities:
            for year in YEARS:
                set_value(figure.code, entity, year, stored(figure, year))
            level = "estate" if entity is estate else "org"
            rule = FlagRule.objects.create(
                code=f"V{number:02d}{level[0]}",
                name=f"Regel om {figure.code}",
                kind=RuleKind.ABSOLUTE,
                figure=figure,
                level=level,
                explanation="{value}",
            )
            raise_flag(rule, entity, 2024, value=stored(figure, 2024))
    return {"organisation": organisation, "estate": estate}


@pytest.fixture
def everything(module_everything, caseworker_kk):
    """The module's organisation and estate fetched anew, and the catalogue's figures."""
    return {**fetched_anew(module_everything), "figures": list(KeyFigure.objects.all())}


def figures_at(everything, level):
    attribute = "for_estates" if level == "estate" else "for_organisations"
    return [figure for figure in everything["figures"] if getattr(figure, attribute)]


def assert_reads(figure, year, text, where):
    expected = expected_text(figure, year)
    assert text == expected, f"{where}: {figure.code} {year} reads {text!r}, not {expected!r}"
    assert text not in raw_forms(figure, year), f"{where}: {figure.code} {year} is raw: {text!r}"


PAGES = {
    "org": "/monitorering/organisation/0042/?aar=2024",
    "estate": "/monitorering/organisation/0042/afdeling/001/?aar=2024",
}


@pytest.mark.parametrize("level", ["org", "estate"])
def test_pages_show_every_figure_by_its_kind(client, login, caseworker_kk, everything, level):
    login(client, caseworker_kk)
    page = BeautifulSoup(client.get(PAGES[level]).content, "html.parser")

    table = page.select_one("table.figure-table")
    years = [int(th.get_text()) for th in table.select("thead th")[1:]]
    rows = {row.th.get_text(" ", strip=True): row for row in table.select("tbody tr")}
    figures = figures_at(everything, level)
    assert years == sorted(YEARS, reverse=True) and len(rows) == len(figures)  # newest first
    for figure in figures:
        row = rows[formatting.header(figure)]
        for year, cell in zip(years, row.select("td"), strict=True):
            text = cell.find(string=True, recursive=False) or cell.get_text()
            assert_reads(figure, year, text.strip(), f"{level} page")


@pytest.mark.parametrize("level", ["org", "estate"])
def test_charts_data_tables_show_every_numeric_figure_by_its_kind(
    client, login, caseworker_kk, everything, level
):
    login(client, caseworker_kk)
    page = BeautifulSoup(client.get(PAGES[level]).content, "html.parser")

    charts = {
        chart.select_one("figcaption").get_text(" ", strip=True): chart
        for chart in page.select("figure.figure-chart")
    }
    numeric = [
        f for f in figures_at(everything, level) if f.kind in (ValueKind.DECIMAL, ValueKind.COUNT)
    ]
    assert sorted(charts) == sorted(formatting.header(f) for f in numeric), (
        "a chart for every flagged figure with numbers, none for dates or Ja/Nej"
    )
    for figure in numeric:
        rows = charts[formatting.header(figure)].select("details tbody tr")
        for row in rows:
            year = int(row.th.get_text())
            assert_reads(figure, year, row.td.get_text(strip=True), f"{level} chart table")
        assert [int(row.th.get_text()) for row in rows] == list(YEARS)


def test_case_pages_show_the_flagged_value_by_its_kind(client, login, caseworker_kk, everything):
    login(client, caseworker_kk)

    for flag in Flag.objects.filter(year=2024).select_related("rule__figure"):
        figure = flag.rule.figure
        page = BeautifulSoup(client.get(f"/monitorering/flag/{flag.pk}/").content, "html.parser")
        value = page.select_one("dd.flag-value")
        assert value.find_previous_sibling("dt").get_text() == formatting.header(figure)
        assert_reads(figure, 2024, value.get_text(strip=True), "case page")


CSVS = {
    "org": "/monitorering/organisation/0042/noegletal.csv",
    "estate": "/monitorering/organisation/0042/afdeling/001/noegletal.csv",
}


@pytest.mark.parametrize("level", ["org", "estate"])
def test_csv_shows_every_figure_by_its_kind_with_its_unit(
    client, login, caseworker_kk, everything, level
):
    login(client, caseworker_kk)

    response = client.get(CSVS[level])

    assert response["Content-Disposition"].startswith('attachment; filename="noegletal-0042')
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Nøgletal", "2023", "2024"]
    by_header = {row[0]: row[1:] for row in rows[1:]}
    figures = figures_at(everything, level)
    assert len(by_header) == len(figures)
    for figure in figures:
        for year, text in zip(YEARS, by_header[formatting.header(figure)], strict=True):
            assert_reads(figure, year, text, f"{level} CSV")
    assert "Husleje pr. m² (kr./m²)" in by_header or level == "org", "units in the headers"
    assert "Regnskab modtaget" in by_header or level == "estate", "no '(dato)' after a date"


def test_xlsx_has_date_cells_yes_no_and_numbers_with_the_figures_decimals(
    client, login, caseworker_kk, everything
):
    login(client, caseworker_kk)

    response = client.get("/monitorering/organisation/0042/rapport.xlsx", {"aar": 2024})

    sheet = load_workbook(io.BytesIO(response.content))["Nøgletal"]
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=3)}  # below title and header
    figures = figures_at(everything, "org")
    assert len(rows) == len(figures)
    for figure in figures:
        for year, cell in zip(YEARS, rows[figure.name][2 : 2 + len(YEARS)], strict=True):
            where = f"XLSX {figure.code} {year}"
            if figure.kind == ValueKind.DATE:
                assert cell.is_date and cell.value.date() == DATES[year], where
                assert "mmmm" in cell.number_format, where
            elif figure.kind == ValueKind.BOOLEAN:
                assert cell.value == ("Ja" if year == 2023 else "Nej"), where
            else:
                places = figure.decimals if figure.kind == ValueKind.DECIMAL else 0
                assert cell.value == round(stored(figure, year), places), where
                assert cell.number_format == ("#,##0." + "0" * places).rstrip("."), where


@pytest.mark.parametrize("level", ["org", "estate"])
def test_api_gives_natural_values_and_display_texts(
    client, login, caseworker_kk, everything, level
):
    login(client, caseworker_kk)
    path = "organisations/0042" + ("/estates/001" if level == "estate" else "")

    response = client.get(f"/api/monitoring/v1/{path}/key-figures")

    assert response.status_code == 200, response.content
    values = {(item["figure"], item["year"]): item for item in response.json()["values"]}
    figures = figures_at(everything, level)
    assert len(values) == len(figures) * len(YEARS)
    for figure in figures:
        for year in YEARS:
            item = values[(figure.code, year)]
            assert_reads(figure, year, item["display"], f"{level} API")
            if figure.kind == ValueKind.DATE:
                assert item["value"] == DATES[year].isoformat()
            elif figure.kind == ValueKind.BOOLEAN:
                assert item["value"] is (year == 2023)


def test_api_flags_display_their_values(client, login, caseworker_kk, everything):
    login(client, caseworker_kk)

    response = client.get("/api/monitoring/v1/flags", {"year": 2024, "limit": 200})

    assert response.status_code == 200, response.content
    items = response.json()["items"]
    assert len(items) == len(figures_at(everything, "org")) + len(figures_at(everything, "estate"))
    by_code = {figure.code: figure for figure in everything["figures"]}
    for item in items:
        assert_reads(by_code[item["figure"]], 2024, item["value_display"], "API flag")
