"""Absolute rules: fixed thresholds in the figure's direction, relative to statutory rates."""

import pytest
from rules_data import estate, evaluate, only_rules, organisation, put, raised

pytestmark = pytest.mark.django_db


def test_vacancy_above_two_percent_is_gul_above_five_is_rod():
    only_rules("R03")
    org = organisation("0001")
    at_limit, above, far_above, no_value = (estate(org, f"00{n}") for n in range(1, 5))
    put(at_limit, 2024, vacancy_rate_pct=2.0)
    put(above, 2024, vacancy_rate_pct=2.1)
    put(far_above, 2024, vacancy_rate_pct=8.0)
    put(no_value, 2024, homes=50)
    evaluate()
    assert raised("R03") == {("0001-002", 2024): "gul", ("0001-003", 2024): "rød"}


def test_vacancy_rule_skips_estates_under_twenty_homes():
    only_rules("R03")
    org = organisation("0001")
    small = estate(org, "001", homes=10)
    put(small, 2024, homes=19, vacancy_rate_pct=20.0)
    big = estate(org, "002", homes=10)
    put(big, 2024, homes=20, vacancy_rate_pct=20.0)
    evaluate()
    assert raised("R03") == {("0001-002", 2024): "rød"}


def test_disposition_fund_is_compared_with_half_the_years_ceiling():
    only_rules("R01")
    below_half, above_half, negative = (organisation(no) for no in ("0001", "0002", "0003"))
    put(below_half, 2019, disp_fund_free_per_unit=2849)  # ceiling 2019: 5,700 kr.
    put(above_half, 2019, disp_fund_free_per_unit=2851)
    put(negative, 2019, disp_fund_free_per_unit=-300)
    evaluate()
    assert raised("R01") == {("0001", 2019): "gul", ("0003", 2019): "rød"}
    flag = below_half.flags.get()
    assert flag.threshold == 2850
    assert flag.explanation == (
        "Den disponible dispositionsfond er 2.849 kr. pr. lejemålsenhed i 2019 – under 2.850 kr."
    )


def test_lower_is_worse_figures_flag_values_below_the_threshold():
    only_rules("R11")
    org = organisation("0001")
    good, weak, poor = (estate(org, f"00{n}") for n in range(1, 4))
    put(good, 2024, efficiency_score=70)
    put(weak, 2024, efficiency_score=65)
    put(poor, 2024, efficiency_score=58)
    evaluate()
    assert raised("R11") == {("0001-002", 2024): "gul", ("0001-003", 2024): "rød"}


def test_auditor_remarks_and_qualified_opinion():
    only_rules("R15")
    one_remark, two_remarks, qualified, clean = (
        organisation(no) for no in ("0001", "0002", "0003", "0004")
    )
    put(one_remark, 2022, auditor_remarks=1, auditor_qualified=0)
    put(two_remarks, 2022, auditor_remarks=2, auditor_qualified=0)
    put(qualified, 2022, auditor_remarks=0, auditor_qualified=1)
    put(clean, 2022, auditor_remarks=0, auditor_qualified=0)
    evaluate()
    assert raised("R15") == {
        ("0001", 2022): "gul",
        ("0002", 2022): "rød",
        ("0003", 2022): "rød",
    }
