"""R14: late or absent accounts, no steering meeting, empty required figures."""

import datetime

import pytest
from rules_data import epoch_days, estate, evaluate, only_rules, organisation, put, raised

from monitoring.models import Flag

pytestmark = pytest.mark.django_db

COMPLETE = {"tenancy_units": 100, "disp_fund_free_per_unit": 5000, "working_capital_per_unit": 3000}


def report(org, year, accounts=None, meeting=None, **figures):
    dates = {}
    if accounts:
        dates["accounts_received_date"] = epoch_days(accounts)
    if meeting:
        dates["steering_meeting_date"] = epoch_days(meeting)
    put(org, year, **(COMPLETE | figures | dates))


def test_accounts_late_absent_and_no_meeting():
    only_rules("R14")
    on_time, late, absent = (organisation(no) for no in ("0001", "0002", "0003"))
    for year in (2023, 2024):
        report(on_time, year, datetime.date(year + 1, 5, 1), datetime.date(year + 1, 10, 1))
    report(late, 2023, datetime.date(2024, 8, 20))  # and no meeting by 31 Dec 2024
    report(late, 2024, None)
    report(absent, 2023, None, datetime.date(2024, 10, 1))
    report(absent, 2024, None)
    evaluate()
    assert raised("R14") == {
        ("0002", 2023): "rød",
        ("0002", 2024): "gul",
        ("0003", 2023): "gul",
        ("0003", 2024): "rød",  # absent two years running
    }
    # The 2024 meeting is due 31 Dec 2025, after the evaluation date: not flagged yet.
    assert Flag.objects.get(organisation=absent, year=2024).explanation == (
        "Regnskabet for 2024 mangler (frist 30. juni 2025)."
    )
    assert "Styringsdialogmødet for 2023 mangler (frist 31. december 2024)." in (
        Flag.objects.get(organisation=late, year=2023).explanation
    )


def test_empty_required_figure_of_an_estate():
    only_rules("R14")
    org = organisation("0001")
    report(org, 2024, datetime.date(2025, 5, 1))
    member = estate(org, "001")
    put(member, 2024, homes=50, area_m2=3750, vacant_homes=0)
    evaluate()
    assert raised("R14") == {("0001-001", 2024): "gul"}
    assert (
        Flag.objects.get().explanation == "Husleje pr. m² for 2024 mangler (frist 30. juni 2025)."
    )


def test_years_without_any_figures_raise_nothing():
    only_rules("R14")
    merged = organisation("0001")
    report(merged, 2020, datetime.date(2021, 5, 1), datetime.date(2021, 10, 1))
    evaluate()
    assert raised("R14") == {}
