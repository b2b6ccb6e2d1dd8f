"""Follow-up on several cases at once: the chosen ones or all of a rule's, one step logged per
case, only by the supervising municipality's caseworkers, refused whole on a forged id."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from monitoring_fixtures import raise_flag

from monitoring.models import FlagEvent, FlagRule, FlagStatus, Level, RuleKind
from monitoring.views import cases as case_views
from portal import roles

pytestmark = [pytest.mark.django_db, pytest.mark.monitoring_data_once]

URL = "/monitorering/organisation/0042/sager/"


@pytest.fixture
def cases(monitoring_data, vacancy_rule):
    """København's 0042 in 2024: the persistent estate case, a new one on estate 002, and a
    case of another rule on the organisation itself."""
    fee_rule = FlagRule.objects.create(
        code="T09",
        name="Høje administrationsbidrag",
        kind=RuleKind.ABSOLUTE,
        level=Level.ORGANISATION,
    )
    kk = monitoring_data["kk"]
    return {
        "persistent": monitoring_data["flag"].case,
        "new": raise_flag(vacancy_rule, kk.estates.get(estate_no="002"), 2024).case,
        "other_rule": raise_flag(fee_rule, kk, 2024).case,
        "aarhus": monitoring_data["aarhus_flag"].case,
    }


@pytest.fixture
def colleague(make_user):
    return make_user([roles.CASEWORKER], municipality_code=101, first_name="Kirsten")


def refreshed(case):
    case.refresh_from_db()
    return case


def post(client, data, url=URL + "?aar=2024"):
    return client.post(url, {"omfang": "valgte", "status": "", "ansvarlig": "", "note": "", **data})


def test_chosen_cases_get_status_assignee_and_note_logged_per_case(
    client, login, caseworker_kk, colleague, cases
):
    login(client, caseworker_kk)

    response = post(
        client,
        {
            "sager": [cases["persistent"].pk, cases["new"].pk],
            "status": FlagStatus.DISCUSSED,
            "ansvarlig": colleague.pk,
            "note": "Drøftet på mødet 3. december.",
        },
    )

    assert response.status_code == 302
    for key in ("persistent", "new"):
        case = refreshed(cases[key])
        assert (case.status, case.assigned_to) == (FlagStatus.DISCUSSED, colleague)
        event = case.events.get()
        assert event.user == caseworker_kk and event.flag.year == 2024
        assert event.note == "Drøftet på mødet 3. december."
    assert refreshed(cases["other_rule"]).status == FlagStatus.NEW
    assert "Opfølgningen er gemt på 2 sager." in client.get(response.url).content.decode()


def test_all_cases_of_a_rule_at_once(client, login, caseworker_kk, cases):
    login(client, caseworker_kk)

    response = post(
        client,
        {"omfang": "alle", "status": FlagStatus.IN_PROGRESS},
        url=URL + "?aar=2024&regel=T03",
    )

    assert response.status_code == 302
    assert refreshed(cases["persistent"]).status == FlagStatus.IN_PROGRESS
    assert refreshed(cases["new"]).status == FlagStatus.IN_PROGRESS
    assert refreshed(cases["other_rule"]).status == FlagStatus.NEW
    assert FlagEvent.objects.count() == 2


def test_unchanged_fields_keep_each_cases_own_value(client, login, caseworker_kk, colleague, cases):
    persistent = cases["persistent"]
    persistent.status, persistent.assigned_to = FlagStatus.IN_PROGRESS, colleague
    persistent.save()
    login(client, caseworker_kk)

    post(client, {"sager": [persistent.pk, cases["new"].pk], "note": "Afventer regnskab."})

    assert (refreshed(persistent).status, refreshed(persistent).assigned_to) == (
        FlagStatus.IN_PROGRESS,
        colleague,
    )
    assert refreshed(cases["new"]).status == FlagStatus.NEW
    assert set(FlagEvent.objects.values_list("note", "status")) == {("Afventer regnskab.", "")}


def test_a_forged_case_of_another_municipality_refuses_the_whole_step(
    client, login, caseworker_kk, cases
):
    login(client, caseworker_kk)

    response = post(
        client,
        {"sager": [cases["new"].pk, cases["aarhus"].pk], "status": FlagStatus.CLOSED},
    )

    assert response.status_code == 200
    assert "Opfølgningen blev ikke gemt" in response.content.decode()
    assert refreshed(cases["new"]).status == FlagStatus.NEW
    assert refreshed(cases["aarhus"]).status == FlagStatus.NEW
    assert not FlagEvent.objects.exists()


def test_nothing_chosen_or_nothing_changed_is_refused(client, login, caseworker_kk, cases):
    login(client, caseworker_kk)

    nothing_chosen = post(client, {"status": FlagStatus.CLOSED}).content.decode()
    nothing_changed = post(client, {"sager": [cases["new"].pk]}).content.decode()
    no_reason = post(client, {"sager": [cases["new"].pk], "status": FlagStatus.REJECTED})

    assert "Vælg mindst én sag." in nothing_chosen
    assert "Der er ingen ændringer at gemme." in nothing_changed
    assert "Skriv en begrundelse, når flaget afvises." in no_reason.content.decode()
    assert not FlagEvent.objects.exists()


def test_other_municipality_and_styrelse_cannot_follow_up(
    client, login, lead_caseworker_aarhus, editor, cases
):
    login(client, lead_caseworker_aarhus)
    assert client.get(URL).status_code == 404
    assert post(client, {"sager": [cases["new"].pk], "status": "closed"}).status_code == 404

    client.logout()
    login(client, editor)
    page = client.get(URL + "?aar=2024")
    assert page.status_code == 200 and 'name="sager"' not in page.content.decode()
    assert post(client, {"sager": [cases["new"].pk], "status": "closed"}).status_code == 404

    assert refreshed(cases["new"]).status == FlagStatus.NEW
    assert not FlagEvent.objects.exists()


def test_the_list_shows_every_case_of_the_year_with_its_years(client, login, caseworker_kk, cases):
    login(client, caseworker_kk)

    content = client.get(URL + "?aar=2024").content.decode()

    assert "3 sager" in content
    assert "2023–2024" in content
    assert f'value="{cases["aarhus"].pk}"' not in content


def test_the_list_is_paginated_and_its_links_keep_the_filters(
    client, login, caseworker_kk, cases, monkeypatch
):
    monkeypatch.setattr(case_views, "CASE_PAGE_SIZE", 1)
    login(client, caseworker_kk)

    first = client.get(URL + "?aar=2024&regel=T03").content.decode()
    second = client.get(URL + "?aar=2024&regel=T03&side=2").content.decode()

    assert "2 sager" in first and "Side 1 af 2" in first and "Side 2 af 2" in second
    assert 'href="?aar=2024&amp;regel=T03&amp;side=2"' in first
    assert 'href="?aar=2024&amp;regel=T03&amp;side=1"' in second
    shown = {key for key in ("persistent", "new") if f'id="sag-{cases[key].pk}"' in first}
    on_second = {key for key in ("persistent", "new") if f'id="sag-{cases[key].pk}"' in second}
    assert len(shown) == 1 and on_second == {"persistent", "new"} - shown
    assert "Alle organisationens sager for T03 (2)" in second


def test_all_cases_means_every_page(client, login, caseworker_kk, cases, monkeypatch):
    monkeypatch.setattr(case_views, "CASE_PAGE_SIZE", 1)
    login(client, caseworker_kk)

    post(client, {"omfang": "alle", "status": FlagStatus.CLOSED}, url=URL + "?aar=2024&side=2")

    assert {refreshed(case).status for key, case in cases.items() if key != "aarhus"} == {
        FlagStatus.CLOSED
    }
    assert refreshed(cases["aarhus"]).status == FlagStatus.NEW


def test_the_lists_queries_stay_constant_as_cases_grow(
    client, login, caseworker_kk, cases, vacancy_rule, django_assert_max_num_queries
):
    login(client, caseworker_kk)
    with CaptureQueriesContext(connection) as few:
        client.get(URL + "?aar=2024")
    organisation = cases["persistent"].organisation
    for number in range(3, 63):
        estate = organisation.estates.create(
            estate_no=f"{number:03d}",
            name=f"Afdeling {number}",
            municipality=organisation.supervising_municipality,
            homes=30,
            area_m2=2000,
            year_built=1980,
        )
        raise_flag(vacancy_rule, estate, 2024)

    with django_assert_max_num_queries(len(few)):
        content = client.get(URL + "?aar=2024&side=2").content.decode()
    assert "63 sager" in content and "Side 2 af 2" in content
