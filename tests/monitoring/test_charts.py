"""The charts on the estate and organisation pages, read as SVG: numeric coordinates whatever the
language, year labels, a value axis in the figure's unit, the flagged years marked, and the
legend beside the drawing."""

import re

import pytest
from bs4 import BeautifulSoup
from monitoring_fixtures import raise_flag, set_value

from monitoring import charts
from monitoring.models import FlagRule, KeyFigure, RuleKind, Severity

pytestmark = [pytest.mark.django_db, pytest.mark.monitoring_data_once]

ESTATE = "/monitorering/organisation/0042/afdeling/001/?aar=2024"
NUMBER = re.compile(r"-?\d+(\.\d+)?")
COORDINATES = ("x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height")


def chart_figures(client, url, language="da"):
    client.cookies["django_language"] = language
    page = BeautifulSoup(client.get(url).content, "html.parser")
    return page.select("figure.figure-chart")


def chart_svgs(client, url, language="da"):
    return [figure.svg for figure in chart_figures(client, url, language)]


def legend(figure):
    return [item.get_text(strip=True) for item in figure.select("ul.chart-legend li")]


def texts(svg, css_class):
    return [text.get_text() for text in svg.select(f"text.{css_class}")]


def numbers_of(svg):
    """Every number the SVG's geometry holds; fails on any that is not written with a point."""
    found = []
    for element in svg.find_all(True):
        for name in COORDINATES:
            if element.has_attr(name):
                assert NUMBER.fullmatch(element[name]), f"{name}={element[name]!r}"
                found.append(float(element[name]))
        if element.has_attr("points"):
            for pair in element["points"].split():
                x, y = pair.split(",")
                assert NUMBER.fullmatch(x) and NUMBER.fullmatch(y), f"points {pair!r}"
                found += [float(x), float(y)]
        if element.has_attr("transform"):
            match = re.fullmatch(r"translate\((\S+) (\S+)\)", element["transform"])
            assert match and all(NUMBER.fullmatch(v) for v in match.groups()), element["transform"]
    view_box = svg["viewbox"].split()
    assert all(NUMBER.fullmatch(v) for v in view_box), svg["viewbox"]
    return found


@pytest.mark.parametrize("language", ["da", "en"])
def test_estate_chart_is_numeric_svg_with_years_axis_and_legend(
    client, login, caseworker_kk, monitoring_data, language
):
    login(client, caseworker_kk)

    [figure] = chart_figures(client, ESTATE, language)
    svg = figure.svg

    assert len(numbers_of(svg)) > 30
    assert texts(svg, "chart-label--x") == ["2023", "2024"]
    assert texts(svg, "chart-label--unit") == ["%"]
    ticks = texts(svg, "chart-label--y")
    tick_values = [float(t.replace(".", "").replace(",", ".")) for t in ticks]
    assert len(ticks) >= 3 and tick_values == sorted(tick_values)
    assert tick_values[0] <= 3.5 and tick_values[-1] >= 7.5, "the axis covers the values"
    entries = legend(figure)
    if language == "da":
        assert entries == [
            "Afdelingen",
            "Median, sammenlignelige",
            "Midterste halvdel (kvartiler)",
            "År med rødt flag",
            "År med gult flag",
        ]
    else:
        assert entries[0] == "The estate" and "Year with a red flag" in entries
    swatches = [item.svg for item in figure.select("ul.chart-legend li")]
    assert all(swatch["aria-hidden"] == "true" for swatch in swatches)
    assert swatches[3].select_one("rect.chart-flag--red"), "the legend shows the marker drawn"


def test_flagged_years_are_marked_by_shape_and_title(client, login, caseworker_kk, monitoring_data):
    login(client, caseworker_kk)

    [svg] = chart_svgs(client, ESTATE)

    points = {point.title.get_text(): point for point in svg.select("g.chart-point")}
    assert set(points) == {"2023: 3,5 (gult flag)", "2024: 7,5 (rødt flag)"}
    assert points["2024: 7,5 (rødt flag)"].select_one("rect.chart-flag--red")
    assert points["2023: 3,5 (gult flag)"].select_one("circle.chart-flag--yellow")
    y = {
        title[:4]: float(re.search(r"translate\(\S+ (\S+)\)", g["transform"]).group(1))
        for title, g in points.items()
    }
    assert y["2024"] < y["2023"], "the higher value is drawn higher up"


def test_chart_table_stays_beside_the_chart_with_the_flags(
    client, login, caseworker_kk, monitoring_data
):
    login(client, caseworker_kk)
    client.cookies["django_language"] = "da"
    page = BeautifulSoup(client.get(ESTATE).content, "html.parser")

    rows = [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
        for row in page.select("figure.figure-chart details tbody tr")
    ]
    assert [row[0] for row in rows] == ["2023", "2024"]
    assert (rows[0][1], rows[0][-1]) == ("3,5", "Gult")
    assert (rows[1][1], rows[1][-1]) == ("7,5", "Rødt")


def test_organisation_chart_of_an_amount_has_whole_kroner_ticks(
    client, login, caseworker_kk, monitoring_data
):
    organisation = monitoring_data["kk"]
    rule = FlagRule.objects.create(
        code="T01",
        name="Lav dispositionsfond",
        kind=RuleKind.ABSOLUTE,
        figure=KeyFigure.objects.get(code="disp_fund_free_per_unit"),
        level="org",
        explanation="{value}",
    )
    set_value("disp_fund_free_per_unit", organisation, 2022, 5123.456)
    raise_flag(rule, organisation, 2024, Severity.YELLOW, value=4800.0)
    login(client, caseworker_kk)

    [figure] = chart_figures(client, "/monitorering/organisation/0042/?aar=2024")
    svg = figure.svg

    numbers_of(svg)
    assert texts(svg, "chart-label--x") == ["2022", "2023", "2024"]
    assert texts(svg, "chart-label--unit") == ["kr./lme"]
    assert all(re.fullmatch(r"\d{1,3}(\.\d{3})*", tick) for tick in texts(svg, "chart-label--y"))
    assert legend(figure)[0] == "Organisationen"


@pytest.mark.parametrize(
    ("low", "high", "places"),
    [(0, 2, 0), (3.5, 7.5, 1), (-450.0, 5200.0, 0), (0.26, 0.65, 1), (7.0, 7.0, 0), (0, 0, 1)],
)
def test_value_ticks_are_round_cover_the_values_and_respect_the_decimals(low, high, places):
    ticks, label_places = charts.value_ticks(low, high, places)

    assert ticks[0] <= low and ticks[-1] >= high and len(ticks) >= 2
    steps = {round(b - a, 9) for a, b in zip(ticks, ticks[1:], strict=False)}
    assert len(steps) == 1 and steps.pop() >= 10**-places
    assert label_places <= places
