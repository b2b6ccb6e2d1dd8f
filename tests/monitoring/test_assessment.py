"""The roll-up: an organisation's assessment from its own flags and its estates' flags weighted
by homes, with persistence counted from the flags themselves."""

import io

import numpy as np
import pandas as pd
import pytest
from django.core.management import call_command
from monitoring_fixtures import assess_all

from monitoring import assessment
from monitoring.models import AssessmentPolicy, OrganisationAssessment, Severity
from monitoring.rules.peer import comparison

RED, YELLOW = Severity.RED, Severity.YELLOW
# Organisation 1: estates 10 (80 homes) and 11 (20 homes); organisation 2: estate 20 (100).
ESTATES = pd.DataFrame(
    {"organisation": [1, 1, 2], "homes": [80, 20, 100]}, index=pd.Index([10, 11, 20], name="id")
)


def flags(*rows):
    """Rows of (rule, severity, organisation, estate or None, year)."""
    frame = pd.DataFrame.from_records(
        rows, columns=["rule", "severity", "organisation", "estate", "year"]
    )
    frame["estate"] = frame["estate"].astype(float)
    return frame


def assessed(frame, years=(2024,), **parameters):
    organisation_years = pd.DataFrame(
        [(org, year) for org in (1, 2) for year in years], columns=["organisation", "year"]
    )
    result = assessment.assess(frame, ESTATES, organisation_years, AssessmentPolicy(**parameters))
    return result.set_index(["organisation", "year"])


def test_persistence_counts_consecutive_years_of_the_same_rule_and_entity():
    frame = flags(
        ("R02", RED, 1, None, 2021),
        ("R02", RED, 1, None, 2022),
        ("R02", RED, 1, None, 2024),
        ("R03", RED, 1, 10, 2023),
        ("R03", RED, 1, 10, 2024),
        ("R03", RED, 1, 11, 2024),
    )
    assert assessment.persistence(frame).tolist() == [1, 2, 1, 1, 2, 1]


def test_an_organisations_own_red_flag_is_gul_two_years_and_rød_the_third():
    frame = flags(*(("R02", RED, 1, None, year) for year in (2022, 2023, 2024)))
    result = assessed(frame, years=(2022, 2023, 2024))

    assert result.loc[(1, 2022), "assessment"] == "yellow"
    assert result.loc[(1, 2022), "score"] == 4
    assert result.loc[(1, 2023), "assessment"] == "yellow"
    assert result.loc[(1, 2023), "score"] == 6
    assert result.loc[(1, 2024), "assessment"] == "red"
    assert result.loc[(1, 2024), "score"] == 8
    assert result.loc[(1, 2024), "reasons"] == "R02 rød 3 år i træk"
    assert result.loc[(2, 2024), "assessment"] == "green"
    assert result.loc[(2, 2024), "reasons"] == "Ingen flag"


def test_estate_flags_count_by_the_share_of_homes():
    # A red flag on estate 10 (80 % of the homes) passes the red share of homes.
    result = assessed(flags(("R08", RED, 1, 10, 2024), ("R05", YELLOW, 1, 11, 2024)))

    row = result.loc[(1, 2024)]
    assert row["assessment"] == "red"
    assert row["red_homes_share"] == 80
    assert row["homes_affected_share"] == 100
    assert row["score"] == 3.4  # 4 points × 80 % + 1 point × 20 %
    assert row["red_flags"] == 1 and row["yellow_flags"] == 1
    assert row["reasons"] == "80 % af boligerne i afdelinger med rødt flag (R08, R05)"
    assert (
        assessed(flags(("R08", RED, 1, 10, 2024)), red_homes_share=90).loc[(1, 2024), "assessment"]
        == "yellow"
    )


def test_a_flag_on_a_small_share_of_homes_leaves_the_organisation_green():
    result = assessed(flags(("R08", RED, 1, 11, 2024)))

    assert result.loc[(1, 2024), "assessment"] == "green"
    assert result.loc[(1, 2024), "score"] == 0.8


def test_the_policy_decides_the_weights():
    frame = flags(("R12", YELLOW, 2, None, 2024), ("R12", YELLOW, 2, None, 2023))
    # 1.5 points: one gul flag standing its second year is not yet gul by default (3 points).
    assert assessed(frame).loc[(2, 2024), "assessment"] == "green"
    assert assessed(frame, yellow_score=1.5).loc[(2, 2024), "assessment"] == "yellow"
    assert (
        assessed(frame, yellow_score=1.5, persistence_weight=0).loc[(2, 2024), "assessment"]
        == "green"
    )
    assert assessed(frame, yellow_weight=6).loc[(2, 2024), "assessment"] == "red"


def test_no_flags_assess_every_organisation_green():
    result = assessed(flags())
    assert set(result["assessment"]) == {"green"}
    assert np.all(result["score"] == 0)


def test_percentiles_are_described_in_plain_danish():
    assert comparison(90, True) == "højere end hos 9 ud af 10"
    assert comparison(97.5, True) == "højere end hos 39 ud af 40"
    assert comparison(10, False) == "lavere end hos 9 ud af 10"


@pytest.mark.django_db
def test_evaluation_stores_assessments_and_rewrites_only_what_changed(monitoring_data):
    stored = OrganisationAssessment.objects.get(organisation=monitoring_data["kk"], year=2024)
    assert stored.assessment == "yellow"  # estate 001, red, holds half of the homes (not 75 %)
    assert stored.homes == 80

    assert assess_all() == (0, 0, 0)

    monitoring_data["flag"].delete()
    assert assess_all() == (0, 1, 0)
    stored.refresh_from_db()
    assert stored.assessment == "green"


@pytest.mark.django_db
def test_list_assessments_writes_the_csv_of_a_municipality(monitoring_data):
    monitoring_data["kk"].name = "=HYPERLINK(1)"
    monitoring_data["kk"].save()
    out = io.StringIO()
    call_command("list_assessments", year=2024, municipality=101, stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[0] == (
        "org_no,name,supervising_municipality,year,assessment,score,red_flags,yellow_flags,reasons"
    )
    assert lines[1].startswith("0042,'=HYPERLINK(1),101,2024,gul,")
    assert lines[2].startswith("0044,Rolige Boliger,101,2024,grøn,0,0,0,")
    assert len(lines) == 3
