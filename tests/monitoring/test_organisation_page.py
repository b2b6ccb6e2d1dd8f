"""The organisation page scales: the summary first, the estates as a searchable, sortable,
paginated table (flagged first), and the figure table with the newest years first."""

import re

import pytest
from monitoring_fixtures import assess_all, build_big_organisation

pytestmark = [pytest.mark.django_db, pytest.mark.monitoring_data_once]

BIG = "/monitorering/organisation/0050/"


@pytest.fixture
def big(monitoring_data, vacancy_rule):
    organisation = build_big_organisation(vacancy_rule)
    assess_all()
    return organisation


@pytest.fixture
def page(client, login, caseworker_kk, big):
    login(client, caseworker_kk)

    def get(**params):
        response = client.get(BIG, {"aar": 2024, **params})
        assert response.status_code == 200
        return response.content.decode()

    return get


def estate_rows(content):
    """The estate numbers in the estate table, in order."""
    table = content.split(
        'class="table table--zebra table--compact table--responsive-headers estate-table"'
    )[1]
    table = table.split("</table>")[0]
    return re.findall(r"/afdeling/(\d{3})/", table)


def test_summary_comes_before_the_estates_and_the_figures(page):
    content = page()

    summary = content.index("Overblik 2024")
    assert "Samlet vurdering" in content
    assert summary < content.index("Vedvarende sager") < content.index('id="afdelinger"')
    assert content.index('id="afdelinger"') < content.index("figure-table")


def test_summary_names_the_assessment_and_the_persistent_cases(page, big):
    content = page()

    assessment = big.assessments.get(year=2024)
    assert assessment.reasons and assessment.reasons in content
    assert "36 sager har stået i mere end ét år" in content
    assert "Her vises de første 10" in content
    assert content.count("2021–2024") == 10
    assert "Afdeling 001 Bebyggelse 1" in content


def test_estates_are_paginated_flagged_first(page):
    first = estate_rows(page())
    second = estate_rows(page(side=2))
    last = estate_rows(page(side=11))

    assert len(first) == 25 and len(second) == 25 and len(last) == 2
    assert first[:3] == ["001", "008", "015"], "flagged estates first, then by number"
    assert "Afdeling 1–25 af 252" in page()
    assert not set(first) & set(second)


def test_estates_are_searched_by_name_or_number(page):
    assert estate_rows(page(soeg="Bebyggelse 25")) == ["025", "250", "251", "252"]
    assert estate_rows(page(soeg="117")) == ["117"]
    assert "Ingen afdelinger matcher søgningen." in page(soeg="Findes ikke")


def test_estates_are_narrowed_to_the_flagged_and_sorted(page):
    flagged = page(kun_flagede="on")
    assert "Afdeling 1–25 af 36 (af 252 i alt)" in flagged
    assert estate_rows(page(sortering="nummer"))[:3] == ["001", "002", "003"]
    by_homes = estate_rows(page(sortering="boliger"))
    assert by_homes[0] == "089"


def test_pagination_keeps_the_filters_and_returns_to_the_table(page):
    content = page(kun_flagede="on")

    assert "kun_flagede=on&amp;side=2#afdelinger" in content


def test_figure_table_shows_the_newest_five_years_first(page):
    content = page()
    table = content.split("figure-table")[1].split("</table>")[0]
    header = table.split("</thead>")[0]

    assert re.findall(r">(20\d\d)<", header) == ["2024", "2023", "2022", "2021", "2020"]
    assert 'data-title="2024"' in table


def test_an_earlier_year_shows_the_years_before_it(page):
    header = page(aar=2019).split("figure-table")[1].split("</thead>")[0]

    assert re.findall(r">(20\d\d)<", header) == ["2019", "2018", "2017"]
