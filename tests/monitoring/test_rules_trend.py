"""Trend rules: beyond a threshold N years running, or worse N years running."""

import pytest
from bs4 import BeautifulSoup
from rules_data import estate, estates, evaluate, only_rules, organisation, put, raised

from monitoring import formatting
from monitoring.models import Flag, KeyFigure

pytestmark = pytest.mark.django_db


def test_deficits_two_years_gul_three_years_rod():
    only_rules("R09")
    org = organisation("0001")
    member = estate(org, "001")
    for year, result in zip((2020, 2021, 2022, 2023, 2024), (-1, -4, -5, -6, 3), strict=True):
        put(member, year, annual_result_pct=result)
    evaluate()
    assert raised("R09") == {
        ("0001-001", 2021): "gul",
        ("0001-001", 2022): "rød",
        ("0001-001", 2023): "rød",
    }
    assert Flag.objects.get(year=2023).explanation == (
        "Afdelingen har haft underskud (resultat under -0,5 % af årslejen) 4 år i træk."
    )


def test_worse_three_years_running_by_more_than_the_peer_spread():
    only_rules("R13")
    org = organisation("0001")
    for member in estates(org, 30):
        for year in (2021, 2022, 2023, 2024):
            put(member, year, vacancy_rate_pct=0.0, arrears_pct=1.0)
    rising, flat_then_rising = estate(org, "101"), estate(org, "102")
    for year, rate in zip((2021, 2022, 2023, 2024), (0.0, 1.7, 3.3, 6.7), strict=True):
        put(rising, year, vacancy_rate_pct=rate)
    for year, rate in zip((2021, 2022, 2023, 2024), (0.0, 0.0, 3.3, 6.7), strict=True):
        put(flat_then_rising, year, vacancy_rate_pct=rate)
    evaluate()
    assert raised("R13") == {("0001-101", 2024): "gul"}
    assert Flag.objects.get().explanation == (
        "Ledighedsprocent (%) er forværret 3 år i træk: fra 0,0 til 6,7."
    )


def test_case_page_labels_the_value_with_the_figure_the_explanation_is_about(
    client, login, caseworker_kk
):
    only_rules("R13")
    org = organisation("0001")
    for member in estates(org, 30):
        for year in (2021, 2022, 2023, 2024):
            put(member, year, vacancy_rate_pct=2.0, arrears_pct=1.0)
    rising = estate(org, "101")
    for year, arrears in zip((2021, 2022, 2023, 2024), (1.0, 2.5, 4.0, 6.5), strict=True):
        put(rising, year, vacancy_rate_pct=2.0, arrears_pct=arrears)
    evaluate()
    flag = Flag.objects.get()
    arrears = KeyFigure.objects.get(code="arrears_pct")
    assert flag.rule.figure.code == "vacancy_rate_pct"
    assert flag.explanation.startswith(formatting.header(arrears))

    login(client, caseworker_kk)
    page = BeautifulSoup(client.get(f"/monitorering/flag/{flag.pk}/").content, "html.parser")

    value = page.select_one("dd.flag-value")
    assert value.find_previous_sibling("dt").get_text() == formatting.header(arrears)
    assert value.get_text(strip=True) == formatting.format_value(arrears, 6.5)
