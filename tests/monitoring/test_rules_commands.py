"""The evaluate_flags and list_flags commands."""

import csv
import io

import pytest
from django.core.management import call_command
from rules_data import estate, only_rules, organisation, put

pytestmark = pytest.mark.django_db


@pytest.fixture
def flagged():
    only_rules("R02", "R03")
    copenhagen, aarhus = organisation("0001", 101), organisation("0002", 751)
    put(copenhagen, 2024, working_capital_per_unit=-10)
    put(estate(copenhagen, "001"), 2024, vacancy_rate_pct=3.0)
    put(estate(aarhus, "001"), 2023, vacancy_rate_pct=9.5)


def run(command, *args):
    out = io.StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def test_evaluate_flags_prints_a_summary(flagged):
    assert run("evaluate_flags") == ("Flag: 2 røde, 1 gule. Nye: 3, fortsat: 0, lukket: 0.\n")
    assert run("evaluate_flags", "--year", "2024") == (
        "Flag: 1 røde, 1 gule. Nye: 0, fortsat: 2, lukket: 0.\n"
    )


def test_list_flags_prints_current_flags_as_csv(flagged):
    run("evaluate_flags")
    rows = list(csv.reader(io.StringIO(run("list_flags", "--municipality", "101"))))
    assert rows == [
        ["entity_type", "org_no", "estate_no", "year", "rule", "severity", "value", "explanation"],
        [
            "org",
            "0001",
            "",
            "2024",
            "R02",
            "rød",
            "-10",
            "Arbejdskapitalen er negativ: -10 kr. pr. lejemålsenhed i 2024.",
        ],
        [
            "estate",
            "0001",
            "001",
            "2024",
            "R03",
            "gul",
            "3",
            "3,0 % af boligerne stod ledige i 2024 (grænse 2,0 %).",
        ],
    ]


def test_list_flags_filters_by_year_and_severity(flagged):
    run("evaluate_flags")
    rows = list(
        csv.DictReader(io.StringIO(run("list_flags", "--severity", "rød", "--year", "2023")))
    )
    assert [(row["org_no"], row["rule"]) for row in rows] == [("0002", "R03")]


def test_list_flags_keeps_a_formula_as_text_and_negative_values_as_numbers(flagged):
    from monitoring.models import Flag

    run("evaluate_flags")
    Flag.objects.filter(rule__code="R02").update(explanation="=2+5+cmd|'/Ccalc'!A0")

    rows = list(csv.DictReader(io.StringIO(run("list_flags", "--municipality", "101"))))

    assert rows[0]["explanation"] == "'=2+5+cmd|'/Ccalc'!A0"
    assert rows[0]["value"] == "-10"
