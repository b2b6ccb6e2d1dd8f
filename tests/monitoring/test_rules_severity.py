"""Severity: one flag per rule, entity and year, and rød beats gul."""

import pytest
from rules_data import estate, evaluate, only_rules, organisation, put

from monitoring.models import Flag

pytestmark = pytest.mark.django_db


def test_rod_beats_gul_for_the_same_rule_and_year():
    only_rules("R03")
    member = estate(organisation("0001"), "001")
    put(member, 2024, vacancy_rate_pct=6.0)  # above both 2 (gul) and 5 (rød)
    evaluate()
    flag = Flag.objects.get()
    assert (flag.severity, flag.threshold) == ("red", 5)


def test_several_conditions_of_one_rule_give_one_flag_at_the_worst_severity():
    only_rules("R14")
    org = organisation("0001")
    put(org, 2023, tenancy_units=100, disp_fund_free_per_unit=1, working_capital_per_unit=1)
    put(org, 2024, tenancy_units=100)  # accounts absent twice, two figures empty
    evaluate(year=2024)
    flag = Flag.objects.get(year=2024)
    assert flag.severity == "red"
    assert flag.explanation.count("mangler") == 3
