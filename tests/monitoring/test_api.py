"""The monitoring API for each role: the same access policy as the pages, natural values,
filters, pagination, Danish errors, MFA and API tokens, and a constant number of queries."""

import pytest
from accounts_fixtures import as_role_with, create_user, signed_in_cookies
from django.db import connection
from django.test.utils import CaptureQueriesContext
from monitoring_fixtures import (
    add_estates,
    add_flagged_organisations,
    add_flags,
    add_values,
    build_monitoring_data,
    built_once,
    fetched_anew,
    make_organisation,
    set_value,
)
from wagtail.models import APIToken

from monitoring.models import KeyFigure
from portal import roles

pytestmark = pytest.mark.django_db

API = "/api/monitoring/v1"
ROLES = ["caseworker_kk", "caseworker_aarhus", "editor", "member", "anonymous"]


# The roles `as_role` signs in, once for the module.
ROLE_USERS = {
    "caseworker_kk": lambda: create_user(
        [roles.CASEWORKER, roles.MEMBER], municipality_code=101, mfa=True
    ),
    "caseworker_aarhus": lambda: create_user(
        [roles.CASEWORKER, roles.MEMBER], municipality_code=751, mfa=True
    ),
    "editor": lambda: create_user(roles.EDITOR, mfa=True),
    "member": lambda: create_user(roles.MEMBER),
}


def build_module_data():
    return build_monitoring_data(), signed_in_cookies(ROLE_USERS)


@pytest.fixture(scope="module")
def module_data(django_db_setup, django_db_blocker):
    """The monitoring data and the roles' log-ins, built once for the module."""
    yield from built_once(django_db_blocker, build_module_data)


@pytest.fixture
def monitoring_data(db, module_data):
    return fetched_anew(module_data[0])


@pytest.fixture
def vacancy_rule(monitoring_data):
    return monitoring_data["flag"].rule


@pytest.fixture
def as_role(client, module_data):
    """A client signed in as the role (through allauth, with MFA where the role needs it)."""
    return as_role_with(client, module_data[1])


def org_numbers(response):
    assert response.status_code == 200, response.content
    return [item["org_no"] for item in response.json()["items"]]


def assert_refused(response, role):
    """Anonymous callers must log in; signed-in users without access learn nothing."""
    expected = (401, "not_authenticated") if role == "anonymous" else (404, "not_found")
    assert (response.status_code, response.json()["code"]) == expected
    assert response.json()["detail"] in {"Log ind for at bruge API'et.", "Findes ikke."}


# Organisations


@pytest.mark.parametrize(
    "role, expected",
    [
        ("caseworker_kk", ["0042", "0044"]),
        ("caseworker_aarhus", ["0043"]),
        ("editor", ["0042", "0043", "0044"]),
        ("member", None),
        ("anonymous", None),
    ],
)
def test_organisations_are_those_the_user_may_see(as_role, monitoring_data, role, expected):
    response = as_role(role).get(f"{API}/organisations")

    if expected is None:
        assert_refused(response, role)
    else:
        assert org_numbers(response) == expected
        assert response.json()["count"] == len(expected)


def test_organisation_list_shows_municipality_estates_and_flag_counts(as_role, monitoring_data):
    items = as_role("caseworker_kk").get(f"{API}/organisations").json()["items"]

    kk = items[0]
    assert kk["supervising_municipality"] == {"code": 101, "name": "København"}
    assert (kk["estate_count"], kk["homes"]) == (2, 80)
    assert (kk["red"], kk["yellow"]) == (1, 1), "2024 red and 2023 yellow, both current"
    assert (items[1]["red"], items[1]["yellow"]) == (0, 0)


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"municipality": 751}, ["0043"]),
        ({"municipality": 101}, ["0042", "0044"]),
        ({"flagged": "true"}, ["0042", "0043"]),
        ({"flagged": "true", "year": 2023}, ["0042"]),
        ({"flagged": "true", "year": 2022}, []),
    ],
)
def test_organisations_filter(as_role, monitoring_data, query, expected):
    assert org_numbers(as_role("editor").get(f"{API}/organisations", query)) == expected


def test_a_caseworker_filtering_another_municipality_gets_nothing(as_role, monitoring_data):
    response = as_role("caseworker_kk").get(f"{API}/organisations", {"municipality": 751})

    assert org_numbers(response) == []


def test_organisations_are_paginated(as_role, monitoring_data):
    client = as_role("editor")

    first = client.get(f"{API}/organisations", {"limit": 2}).json()
    rest = client.get(f"{API}/organisations", {"limit": 2, "offset": 2}).json()

    assert first["count"] == rest["count"] == 3
    assert [o["org_no"] for o in first["items"]] == ["0042", "0043"]
    assert [o["org_no"] for o in rest["items"]] == ["0044"]


def test_too_large_a_page_is_a_danish_validation_error(as_role, monitoring_data):
    response = as_role("editor").get(f"{API}/organisations", {"limit": 501})

    assert response.status_code == 422
    body = response.json()
    assert (body["code"], body["detail"]) == ("invalid_parameters", "Ugyldige parametre.")
    assert body["errors"][0]["loc"] == ["query", "limit"]


@pytest.mark.parametrize("path", ["/organisations", "/flags", "/organisations/0042/estates"])
@pytest.mark.parametrize("offset", [2**31, 2**63, 2**64])
def test_an_offset_beyond_any_list_is_a_validation_error(as_role, monitoring_data, path, offset):
    response = as_role("editor").get(f"{API}{path}", {"offset": offset})

    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "offset"]


@pytest.mark.parametrize("role", ROLES)
def test_organisation_detail(as_role, monitoring_data, role):
    response = as_role(role).get(f"{API}/organisations/0042", {"year": 2024})

    if role in {"caseworker_kk", "editor"}:
        assert response.status_code == 200
        body = response.json()
        assert (body["org_no"], body["name"]) == ("0042", "Københavns Almene Boliger")
        assert (body["red"], body["yellow"], body["fiscal_year_end"]) == (1, 0, "12-31")
    else:
        assert_refused(response, role)


@pytest.mark.parametrize("org_no", ["0043", "9999"])
def test_another_municipalitys_organisation_is_not_found(as_role, monitoring_data, org_no):
    """Existence is information: someone else's organisation looks like a missing one."""
    response = as_role("caseworker_kk").get(f"{API}/organisations/{org_no}")

    assert response.status_code == 404
    assert response.json() == {"code": "not_found", "detail": "Findes ikke."}


# Estates


@pytest.mark.parametrize("role", ROLES)
def test_estates_of_an_organisation(as_role, monitoring_data, role):
    response = as_role(role).get(f"{API}/organisations/0042/estates", {"year": 2024})

    if role in {"caseworker_kk", "editor"}:
        assert response.status_code == 200
        first, second = response.json()["items"]
        assert (first["number"], first["red"], first["yellow"]) == ("0042-001", 1, 0)
        assert second["municipality"] == {"code": 185, "name": "Tårnby"}
        assert (second["homes"], second["year_built"]) == (40, 1970)
    else:
        assert_refused(response, role)


def test_aarhus_sees_its_own_estates(as_role, monitoring_data):
    response = as_role("caseworker_aarhus").get(f"{API}/organisations/0043/estates")

    assert [e["number"] for e in response.json()["items"]] == ["0043-001"]


# Key figures


@pytest.mark.parametrize("role", ROLES)
def test_organisation_key_figures(as_role, monitoring_data, role):
    response = as_role(role).get(f"{API}/organisations/0042/key-figures", {"year": 2024})

    if role in {"caseworker_kk", "editor"}:
        assert response.json() == {
            "organisation": "0042",
            "estate": None,
            "values": [
                {
                    "figure": "disp_fund_free_per_unit",
                    "year": 2024,
                    "value": 4800.0,
                    "display": "4.800",
                    "flag": None,
                }
            ],
        }
    else:
        assert_refused(response, role)


@pytest.mark.parametrize("role", ROLES)
def test_estate_key_figures_mark_flagged_values(as_role, monitoring_data, role):
    response = as_role(role).get(f"{API}/organisations/0042/estates/001/key-figures")

    if role in {"caseworker_kk", "editor"}:
        body = response.json()
        assert (body["organisation"], body["estate"]) == ("0042", "001")
        assert body["values"] == [
            {
                "figure": "vacancy_rate_pct",
                "year": 2023,
                "value": 3.5,
                "display": "3,5",
                "flag": "yellow",
            },
            {
                "figure": "vacancy_rate_pct",
                "year": 2024,
                "value": 7.5,
                "display": "7,5",
                "flag": "red",
            },
        ]
    else:
        assert_refused(response, role)


@pytest.mark.parametrize(
    "url",
    [
        "/organisations/0043/key-figures",
        "/organisations/0043/estates/001/key-figures",
        "/organisations/0042/estates/999/key-figures",
    ],
)
def test_key_figures_of_what_the_caseworker_may_not_see_are_not_found(
    as_role, monitoring_data, url
):
    assert as_role("caseworker_kk").get(API + url).status_code == 404


def test_values_come_in_their_natural_json_form(as_role, monitoring_data):
    """Booleans are stored as 0/1 and dates as days since 1970; the API says what they mean."""
    estate = monitoring_data["estate"]
    set_value("has_estate_board", estate, 2024, 1.0)
    set_value("evictions", estate, 2024, 3.0)
    set_value("accounts_received_date", monitoring_data["kk"], 2024, 19813.0)
    client = as_role("caseworker_kk")

    estate_values = client.get(
        f"{API}/organisations/0042/estates/001/key-figures", {"year": 2024}
    ).json()["values"]
    organisation_values = client.get(
        f"{API}/organisations/0042/key-figures", {"year": 2024}
    ).json()["values"]

    by_code = {v["figure"]: v["value"] for v in estate_values + organisation_values}
    assert by_code["has_estate_board"] is True
    assert by_code["evictions"] == 3 and isinstance(by_code["evictions"], int)
    assert by_code["accounts_received_date"] == "2024-03-31"
    assert by_code["vacancy_rate_pct"] == 7.5


@pytest.mark.parametrize("role", ROLES)
def test_key_figure_catalogue(as_role, monitoring_data, role):
    response = as_role(role).get(f"{API}/key-figures")

    if role in {"caseworker_kk", "caseworker_aarhus", "editor"}:
        figures = {f["code"]: f for f in response.json()}
        vacancy = figures["vacancy_rate_pct"]
        assert (vacancy["kind"], vacancy["direction"], vacancy["for_estates"]) == (
            "decimal",
            "up",
            True,
        )
        assert figures["has_estate_board"]["kind"] == "bool"
    else:
        assert_refused(response, role)


def test_the_catalogue_links_live_guidance_only(as_role, monitoring_data, make_guidance_page):
    live = make_guidance_page("Ledige boliger", slug="ledige-boliger")
    draft = make_guidance_page("Udkast", slug="udkast", live=False)
    KeyFigure.objects.filter(code="vacancy_rate_pct").update(guidance_page=live)
    KeyFigure.objects.filter(code="arrears_pct").update(guidance_page=draft)

    figures = {f["code"]: f for f in as_role("caseworker_kk").get(f"{API}/key-figures").json()}

    assert figures["vacancy_rate_pct"]["guidance_url"] == "/vejledning/ledige-boliger/"
    assert figures["arrears_pct"]["guidance_url"] is None


# Flags


def flag_ids(response):
    assert response.status_code == 200, response.content
    return [flag["id"] for flag in response.json()["items"]]


@pytest.mark.parametrize("role", ROLES)
def test_flags_are_those_the_user_may_see(as_role, monitoring_data, role):
    response = as_role(role).get(f"{API}/flags")

    flag, earlier, aarhus = (
        monitoring_data[key].pk for key in ("flag", "earlier_flag", "aarhus_flag")
    )
    expected = {
        "caseworker_kk": [flag, earlier],
        "caseworker_aarhus": [aarhus],
        "editor": [flag, aarhus, earlier],
    }
    if role in expected:
        assert flag_ids(response) == expected[role]
    else:
        assert_refused(response, role)


def test_a_flag_says_what_why_and_where(as_role, monitoring_data):
    flag = as_role("caseworker_kk").get(f"{API}/flags", {"year": 2024}).json()["items"][0]

    assert flag == {
        "id": monitoring_data["flag"].pk,
        "year": 2024,
        "severity": "red",
        "rule": "T03",
        "rule_name": "Høj ledighed",
        "figure": "vacancy_rate_pct",
        "organisation": "0042",
        "estate": "001",
        "value": 7.5,
        "value_display": "7,5",
        "threshold": None,
        "threshold_display": None,
        "explanation": "Forklaring T03 2024: 7,5",
        "status": "new",
        "new": False,
        "url": f"/monitorering/flag/{monitoring_data['flag'].pk}/",
    }


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"severity": "red"}, ["flag", "aarhus_flag"]),
        ({"severity": "rød"}, ["flag", "aarhus_flag"]),
        ({"severity": "gul"}, ["earlier_flag"]),
        ({"severity": "yellow", "year": 2024}, []),
        ({"year": 2023}, ["earlier_flag"]),
        ({"municipality": 751}, ["aarhus_flag"]),
        ({"rule": "T03", "year": 2024}, ["flag", "aarhus_flag"]),
        ({"rule": "R01"}, []),
    ],
)
def test_flags_filter(as_role, monitoring_data, query, expected):
    response = as_role("editor").get(f"{API}/flags", query)

    assert flag_ids(response) == [monitoring_data[key].pk for key in expected]


def test_flags_are_paginated(as_role, monitoring_data):
    body = as_role("editor").get(f"{API}/flags", {"limit": 1, "offset": 1}).json()

    assert body["count"] == 3
    assert [flag["id"] for flag in body["items"]] == [monitoring_data["aarhus_flag"].pk]


def test_no_longer_current_flags_are_left_out(as_role, monitoring_data):
    monitoring_data["earlier_flag"].is_current = False
    monitoring_data["earlier_flag"].save()

    response = as_role("caseworker_kk").get(f"{API}/flags")

    assert flag_ids(response) == [monitoring_data["flag"].pk]


def test_a_caseworker_filtering_flags_of_another_municipality_gets_none(as_role, monitoring_data):
    response = as_role("caseworker_kk").get(f"{API}/flags", {"municipality": 751})

    assert flag_ids(response) == []


def test_an_unknown_severity_is_a_validation_error(as_role, monitoring_data):
    response = as_role("caseworker_kk").get(f"{API}/flags", {"severity": "lilla"})

    assert response.status_code == 422
    assert response.json()["errors"] == [{"loc": ["query", "severity"], "type": "literal_error"}]


# Schema and documentation


@pytest.mark.parametrize("role", ROLES)
def test_schema_and_docs_are_for_monitoring_users_and_hold_no_data(as_role, monitoring_data, role):
    client = as_role(role)

    schema = client.get(f"{API}/openapi.json")
    docs = client.get(f"{API}/docs")

    if role in {"caseworker_kk", "caseworker_aarhus", "editor"}:
        assert schema.status_code == docs.status_code == 200
        paths = schema.json()["paths"]
        assert f"{API}/organisations/{{org_no}}/estates/{{estate_no}}/key-figures" in paths
        assert f"{API}/flags" in paths
        text = schema.content.decode()
        for secret in ("0042", "0043", "Københavns Almene Boliger", "Forklaring"):
            assert secret not in text
        assert "swagger-ui" in docs.content.decode()
    elif role == "anonymous":
        assert schema.status_code == docs.status_code == 302
        assert schema["Location"].startswith("/konto/login/")
    else:
        assert schema.status_code == docs.status_code == 404


# Two-factor authentication and tokens


def test_a_session_without_mfa_is_sent_to_set_it_up(client, login, make_user, monitoring_data):
    caseworker = make_user([roles.CASEWORKER, roles.MEMBER], municipality_code=101)
    login(client, caseworker)

    response = client.get(f"{API}/organisations")

    assert response.status_code == 302
    assert response["Location"].startswith("/konto/2fa/totp/activate")


def test_a_session_that_has_not_used_mfa_is_sent_to_confirm_it(
    client, login, make_user, add_totp, monitoring_data
):
    """MFA set up after a password log-in does not count until it is used."""
    caseworker = make_user([roles.CASEWORKER, roles.MEMBER], municipality_code=101)
    login(client, caseworker)
    add_totp(caseworker)

    response = client.get(f"{API}/organisations/0042")

    assert response.status_code == 302
    assert response["Location"].startswith("/konto/2fa/reauthenticate/")


def bearer(user):
    _token, plaintext = APIToken.create_token(user=user, name="Integration")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def test_a_token_sees_what_its_user_may_see(client, caseworker_kk, monitoring_data):
    headers = bearer(caseworker_kk)

    assert org_numbers(client.get(f"{API}/organisations", **headers)) == ["0042", "0044"]
    assert client.get(f"{API}/organisations/0043", **headers).status_code == 404


def test_a_token_of_a_member_finds_nothing(client, member, monitoring_data):
    assert_refused(client.get(f"{API}/organisations", **bearer(member)), "member")


def test_a_revoked_or_unknown_token_is_refused(client, caseworker_kk, monitoring_data):
    headers = bearer(caseworker_kk)
    APIToken.objects.get().revoke()

    revoked = client.get(f"{API}/organisations", **headers)
    unknown = client.get(f"{API}/organisations", HTTP_AUTHORIZATION="Bearer wagtail_nope")

    assert revoked.status_code == unknown.status_code == 401


def test_a_bad_token_is_refused_even_with_a_session(client, login, editor, monitoring_data):
    login(client, editor)

    response = client.get(f"{API}/organisations", HTTP_AUTHORIZATION="Bearer wagtail_nope")

    assert response.status_code == 401


def test_a_token_cannot_side_step_mfa_enrolment(client, make_user, monitoring_data):
    caseworker = make_user([roles.CASEWORKER, roles.MEMBER], municipality_code=101)

    response = client.get(f"{API}/organisations", **bearer(caseworker))

    assert response.status_code == 401


# Queries


def grow(vacancy_rule, big, organisations=12, estates=20):
    """More organisations in København, and more estates for `big`, with values and flags."""
    add_flagged_organisations(vacancy_rule, organisations)
    add_flags(vacancy_rule, add_estates(big, range(2, estates + 1)), [2024], 6.0)
    add_values("vacancy_rate_pct", big.estates.filter(estate_no="001"), range(2015, 2023), 1.0)
    add_values("disp_fund_free_per_unit", [big], range(2015, 2023), 1000.0)


def count_queries(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(context)


@pytest.mark.parametrize(
    "path",
    [
        "/organisations",
        "/organisations?flagged=true&year=2024",
        "/organisations/0045",
        "/organisations/0045/estates",
        "/organisations/0045/key-figures",
        "/organisations/0045/estates/001/key-figures",
        "/flags",
        "/key-figures",
    ],
)
def test_queries_do_not_grow_with_the_data(
    client, login, caseworker_kk, monitoring_data, vacancy_rule, path
):
    big = make_organisation(101, "0045")
    login(client, caseworker_kk)
    before = count_queries(client, API + path)

    grow(vacancy_rule, big)

    assert count_queries(client, API + path) == before
    assert before <= 12
