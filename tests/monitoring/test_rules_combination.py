"""Combination rules: several rules the same year (R16); high and fast-rising rent (R10)."""

import pytest
from rules_data import estate, estates, evaluate, only_rules, organisation, put, raised

from monitoring.models import Flag

pytestmark = pytest.mark.django_db


def test_three_warnings_the_same_year_are_rod():
    only_rules("R03", "R08", "R11", "R09", "R16")
    org = organisation("0001")
    troubled, two_warnings = estate(org, "001", homes=180), estate(org, "002", homes=180)
    put(troubled, 2023, annual_result_pct=-1)
    put(troubled, 2024, vacancy_rate_pct=3.3, accumulated_deficit_pct=5, annual_result_pct=-1)
    put(two_warnings, 2024, vacancy_rate_pct=3.3, accumulated_deficit_pct=5, efficiency_score=50)
    evaluate()
    assert raised("R16") == {("0001-001", 2024): "rød"}
    assert Flag.objects.get(rule__code="R16").explanation == (
        "3 samtidige advarsler i 2024 (R03, R08, R09) kan tyde på økonomiske vanskeligheder."
    )


def test_rent_in_the_top_decile_rising_three_points_above_the_sector():
    only_rules("R10")
    org = organisation("0001")
    for number, member in enumerate(estates(org, 40), start=1):
        put(member, 2023, rent_per_m2=800.0 + number)
        put(member, 2024, rent_per_m2=(800.0 + number) * 1.02)
    steep = estate(org, "101")
    put(steep, 2023, rent_per_m2=1350.0)
    put(steep, 2024, rent_per_m2=1510.0)
    high_but_steady = estate(org, "102")
    put(high_but_steady, 2023, rent_per_m2=1400.0)
    put(high_but_steady, 2024, rent_per_m2=1428.0)
    evaluate()
    assert raised("R10") == {("0001-101", 2024): "gul"}
    assert Flag.objects.get().explanation == (
        "Lejen er 1.510 kr. pr. m² – højere end hos 9 ud af 10 familieboliger i Region "
        "Hovedstaden – og steg 11,9 % på et år."
    )
