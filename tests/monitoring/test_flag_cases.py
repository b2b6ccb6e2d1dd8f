"""Flag cases: the same rule on the same entity in consecutive years is one case with one
follow-up; a gap opens a new case; hysteresis keeps a case open near the limit."""

import pytest
from rules_data import estate, evaluate, only_rules, organisation, put, raised

from monitoring import follow_up
from monitoring.models import Flag, FlagCase, FlagRule, FlagStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    only_rules("R03")
    FlagRule.objects.filter(code="R03").update(close_margin=None)
    return estate(organisation("0001"), "001")


def vacancy(member, **by_year):
    for year, rate in by_year.items():
        put(member, int(year.removeprefix("y")), vacancy_rate_pct=rate)


def test_consecutive_years_are_one_case_with_one_follow_up(member, caseworker_kk):
    vacancy(member, y2022=3.0, y2023=3.5, y2024=6.0)
    evaluate()
    first = Flag.objects.get(year=2022)
    follow_up.record(
        first, caseworker_kk, {"status": FlagStatus.IN_PROGRESS, "assigned_to": None, "note": "Ja"}
    )

    evaluate()

    case = FlagCase.objects.get()
    assert (case.first_year, case.last_year, case.status) == (2022, 2024, FlagStatus.IN_PROGRESS)
    assert set(case.flags.values_list("year", flat=True)) == {2022, 2023, 2024}
    latest = Flag.objects.get(year=2024)
    assert not latest.is_new_case and first.is_new_case
    assert [event.note for event in follow_up.history(latest.case)] == ["Ja"]


def test_a_year_without_the_flag_ends_the_case(member):
    vacancy(member, y2021=3.0, y2022=0.5, y2023=3.0, y2024=3.1)
    evaluate()

    spans = sorted(FlagCase.objects.values_list("first_year", "last_year"))
    assert spans == [(2021, 2021), (2023, 2024)]


def test_one_year_evaluation_continues_last_years_case(member):
    vacancy(member, y2023=3.0)
    evaluate()
    vacancy(member, y2024=3.2)

    evaluate(year=2024)

    case = FlagCase.objects.get()
    assert (case.first_year, case.last_year, case.flags.count()) == (2023, 2024, 2)


def test_rule_change_dropping_a_middle_year_splits_the_case(member):
    vacancy(member, y2022=3.0, y2023=2.2, y2024=3.0)
    evaluate()
    assert FlagCase.objects.count() == 1
    FlagRule.objects.filter(code="R03").update(yellow_threshold=2.5)

    evaluate()

    spans = sorted(
        FlagCase.objects.filter(flags__is_current=True)
        .values_list("first_year", "last_year")
        .distinct()
    )
    assert spans == [(2022, 2022), (2024, 2024)]


def test_hysteresis_keeps_a_case_open_until_the_value_is_clearly_back(member):
    """Limit 2 %, margin 25 %: the case opened at 2.5 % goes on at 1.6 %, ends at 1.4 %; a value
    of 1.6 % opens nothing."""
    FlagRule.objects.filter(code="R03").update(close_margin=0.25)
    vacancy(member, y2020=1.6, y2021=2.5, y2022=1.6, y2023=1.8, y2024=1.4)
    evaluate()

    assert raised("R03") == {("0001-001", y): "gul" for y in (2021, 2022, 2023)}
    held = Flag.objects.get(year=2022)
    assert "sagen fra året før fortsætter" in held.explanation
    assert FlagCase.objects.get().last_year == 2023
