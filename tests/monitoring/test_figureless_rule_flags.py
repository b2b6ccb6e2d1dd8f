"""Flags of rules without a key figure (combinations, missing reports) show on every page."""

import pytest
from monitoring_fixtures import raise_flag

from monitoring.models import FlagRule, RuleKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def combination_flag(monitoring_data, vacancy_rule):
    rule = FlagRule.objects.create(
        code="T13",
        name="Flere advarsler på én gang",
        kind=RuleKind.COMBINATION,
        level="org",
        explanation="Flere regler giver flag i {year}.",
    )
    rule.combined_rules.add(vacancy_rule)
    return raise_flag(rule, monitoring_data["kk"], 2024)


@pytest.mark.parametrize(
    "url", ["/monitorering/organisation/0042/?aar=2024", "/monitorering/flag/{}/"]
)
def test_flag_of_a_rule_without_a_figure_is_shown(
    client, login, caseworker_kk, combination_flag, url
):
    login(client, caseworker_kk)

    response = client.get(url.format(combination_flag.pk))

    assert response.status_code == 200
    assert combination_flag.explanation in response.content.decode()
