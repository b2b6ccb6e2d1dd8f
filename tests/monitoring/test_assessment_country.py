"""The assessments of the generated country, on two seeds: few organisations rød, and size
alone does not make an organisation rød (issue 10's targets, default rules, 2024)."""

import csv
import io

import pandas as pd
import pytest
from django.core.management import call_command
from django.db.models import Count
from monitoring_fixtures import country_fixture

from monitoring.models import Estate

pytestmark = pytest.mark.django_db

YEARS = list(range(2019, 2025))
EVALUATION_DATE = pd.Timestamp("2025-09-30").date()


@pytest.fixture(scope="module", params=[1, 2], ids=["seed1", "seed2"])
def country(request, django_db_setup, django_db_blocker):
    yield from country_fixture(django_db_blocker, request.param, YEARS, EVALUATION_DATE)


@pytest.fixture
def assessments(country):
    """2024's assessments of the generated organisations (the planted 99NN ones left out)."""
    out = io.StringIO()
    call_command("list_assessments", year=2024, stdout=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    return [row for row in rows if not row["org_no"].startswith("99")]


def test_few_organisations_are_assessed_rød(assessments):
    red = sum(row["assessment"] == "rød" for row in assessments)
    share = red / len(assessments)
    assert 0.02 <= share <= 0.06, f"{share:.1%} of {len(assessments)} organisations rød"


def test_size_alone_does_not_make_an_organisation_rød(assessments):
    large = set(
        Estate.objects.values("organisation__org_no")
        .annotate(n=Count("pk"))
        .filter(n__gte=50)
        .values_list("organisation__org_no", flat=True)
    )
    rows = [row for row in assessments if row["org_no"] in large]
    red = sum(row["assessment"] == "rød" for row in rows)
    assert rows
    assert red <= len(rows) / 2, f"{red} of {len(rows)} organisations with 50+ estates rød"


def test_every_row_is_complete_and_explains_itself(assessments):
    for row in assessments:
        assert row["assessment"] in {"rød", "gul", "grøn"}
        assert len(row["supervising_municipality"]) == 3
        assert row["year"] == "2024"
        if row["assessment"] != "grøn":
            assert any(f"R{n:02d}" in row["reasons"] for n in range(1, 17)), row
