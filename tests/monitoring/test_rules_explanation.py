"""Danish explanations: decimal comma, thousands dot, placeholders filled from the flag."""

import pytest
from django.utils import translation
from rules_data import estate, evaluate, only_rules, organisation, put

from monitoring.models import Flag
from monitoring.rules.formatting import render


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (4.1, "4,1"),
        (5700, "5.700"),
        (-300, "-300"),
        (1234567.8, "1.234.567,8"),
        (2.0, "2"),
        (97.5, "97,5"),
        (0.45, "0,5"),
        (-0.001, "0"),
        (float("nan"), "–"),
        (None, "–"),
    ],
)
def test_a_number_that_is_no_figures_value_is_written_the_danish_way(value, text):
    with translation.override("da"):
        assert render("{percentile}", {"percentile": value}) == text


def test_unknown_or_malformed_placeholders_do_not_break_rendering():
    with translation.override("da"):
        assert (
            render("Tomgangen er {value} % – {unknown}", {"value": 4.1}) == "Tomgangen er 4,1 % – –"
        )
        assert render("Forkert {value", {"value": 1}) == "Forkert {value"


@pytest.mark.django_db
def test_an_organisation_with_one_estate_gets_its_own_and_its_estates_flags():
    only_rules("R02", "R08")
    org = organisation("0001")
    member = estate(org, "001")
    put(org, 2024, working_capital_per_unit=-450)
    put(member, 2024, accumulated_deficit_pct=12.26)
    evaluate()
    own = Flag.objects.get(estate=None)
    estates_flag = Flag.objects.get(estate=member)
    assert own.organisation == org and estates_flag.organisation == org
    assert own.explanation == "Arbejdskapitalen er negativ: -450 kr. pr. lejemålsenhed i 2024."
    assert estates_flag.explanation == (
        "Det opsamlede underskud svarer til 12,3 % af årslejen (grænse 3,5 %)."
    )
