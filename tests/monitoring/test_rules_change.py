"""Change rules: worse by X units from the previous year; no previous value, no flag."""

import pandas as pd
import pytest
from rules_data import estate, estates, evaluate, only_rules, organisation, put, raised

from monitoring.models import Flag
from monitoring.rules.spec import worse

pytestmark = pytest.mark.django_db


def test_turnover_up_five_points_is_gul():
    only_rules("R06")
    org = organisation("0001")
    up_five, up_less = estate(org, "001", homes=80), estate(org, "002", homes=80)
    put(up_five, 2023, turnover_pct=10.0)
    put(up_five, 2024, turnover_pct=15.0)
    put(up_less, 2023, turnover_pct=10.0)
    put(up_less, 2024, turnover_pct=14.9)
    evaluate()
    assert raised("R06") == {("0001-001", 2024): "gul"}
    assert Flag.objects.get().explanation == (
        "Fraflytningsprocenten steg fra 10,0 % (2023) til 15,0 % (2024)."
    )


def test_first_year_and_a_year_after_a_gap_have_no_previous_value():
    only_rules("R06")
    org = organisation("0001")
    new, gap = estate(org, "001"), estate(org, "002")
    put(new, 2024, turnover_pct=60.0)
    put(gap, 2021, turnover_pct=5.0)
    put(gap, 2023, turnover_pct=30.0)
    evaluate()
    assert raised("R06") == {}


def test_rise_is_rod_when_turnover_is_also_in_the_peer_tail():
    only_rules("R05", "R06")
    org = organisation("0001")
    for number, member in enumerate(estates(org, 39), start=1):
        put(member, 2023, turnover_pct=10.0)
        put(member, 2024, turnover_pct=10.0 + number / 10)
    rising = estate(org, "100", homes=80)
    put(rising, 2023, turnover_pct=20.0)
    put(rising, 2024, turnover_pct=28.0)
    evaluate()
    assert raised("R05")[("0001-100", 2024)] == "gul"
    assert raised("R06") == {("0001-100", 2024): "rød"}


def test_rise_of_exactly_five_points_from_two_decimal_figures_is_gul():
    """8.04 − 3.04 is 4.999999999999999 in floating point: still five points."""
    only_rules("R06")
    org = organisation("0001")
    exactly, just_under = estate(org, "001", homes=80), estate(org, "002", homes=80)
    put(exactly, 2023, turnover_pct=3.04)
    put(exactly, 2024, turnover_pct=8.04)
    put(just_under, 2023, turnover_pct=3.04)
    put(just_under, 2024, turnover_pct=8.03)
    evaluate()
    assert raised("R06") == {("0001-001", 2024): "gul"}


@pytest.mark.parametrize(
    ("values", "limit", "higher_is_worse", "inclusive", "expected"),
    [
        # 8.04 − 3.04 and 3.04 − 8.04 miss ±5 by one unit in the last place.
        ((8.04 - 3.04, 8.03 - 3.04), 5.0, True, True, [True, False]),
        ((3.04 - 8.04, 3.04 - 8.03), -5.0, False, True, [True, False]),
        # At the limit is not beyond it, whichever side the rounding fell on.
        ((8.04 - 3.04, 5.0 + 1e-12, 5.01), 5.0, True, False, [False, False, True]),
        ((3.04 - 8.04, -5.0 - 1e-12, -5.01), -5.0, False, False, [False, False, True]),
    ],
)
def test_limits_are_compared_as_numbers(values, limit, higher_is_worse, inclusive, expected):
    compared = worse(pd.Series(values), limit, higher_is_worse, inclusive)
    assert compared.tolist() == expected
