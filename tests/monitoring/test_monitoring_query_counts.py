"""Monitoring pages issue the same number of queries however many organisations there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from monitoring_fixtures import make_organisation, raise_flag, set_value

from monitoring.models import Estate, Organisation

pytestmark = pytest.mark.django_db

MAX_QUERIES = 25


def grow(vacancy_rule, organisations=15):
    """More organisations in København, each with flagged estates and figures."""
    for _ in range(organisations):
        organisation = make_organisation(101, estates=3)
        set_value("disp_fund_free_per_unit", organisation, 2024, 1000.0)
        for estate in organisation.estates.all():
            set_value("vacancy_rate_pct", estate, 2024, 6.0)
            raise_flag(vacancy_rule, estate, 2024, value=6.0)


def queries(client, url):
    """Queries of a request, after two that warm the session, the footer and the menu caches."""
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context)


# The signed-in frame (session, user, roles, second factor) is four of each page's queries; the
# rest is the page's own (the dashboard's municipality, an entity, the data version, the audit
# event; the case page's assignable caseworkers come from the cache) while its fragments are
# cached.
@pytest.mark.parametrize(
    "url, most",
    [
        ("/monitorering/?aar=2024", 6),
        ("/monitorering/organisation/0042/?aar=2024", 7),
        ("/monitorering/organisation/0042/afdeling/001/", 7),
        ("/monitorering/flag/{flag}/", 8),
        ("/monitorering/eksport.csv", MAX_QUERIES),
    ],
)
def test_caseworker_pages_stay_constant_in_queries(
    client, login, caseworker_kk, monitoring_data, vacancy_rule, url, most
):
    url = url.format(flag=monitoring_data["flag"].pk)
    login(client, caseworker_kk)
    before = queries(client, url)

    grow(vacancy_rule)

    assert queries(client, url) == before
    assert before <= most


def test_national_view_stays_constant_in_queries(
    client, login, editor, monitoring_data, vacancy_rule
):
    login(client, editor)
    before = queries(client, "/monitorering/landet/")

    grow(vacancy_rule)

    assert queries(client, "/monitorering/landet/") == before


def grow_organisation(vacancy_rule, org_no="0042", estates=60):
    """More estates in one organisation, each with figures and a case running two years."""
    organisation = Organisation.objects.get(org_no=org_no)
    start = 100 + organisation.estates.count()
    for number in range(start, start + estates):
        estate = Estate.objects.create(
            organisation=organisation,
            estate_no=f"{number:03d}",
            name=f"Ny afdeling {number}",
            municipality_id=organisation.supervising_municipality_id,
            homes=30,
            area_m2=2250.0,
            year_built=1970,
        )
        set_value("vacancy_rate_pct", estate, 2023, 6.0)
        set_value("vacancy_rate_pct", estate, 2024, 6.0)
        earlier = raise_flag(vacancy_rule, estate, 2023, value=6.0)
        raise_flag(vacancy_rule, estate, 2024, previous=earlier, value=6.0)


@pytest.mark.parametrize(
    "query",
    ["aar=2024", "aar=2024&side=2", "aar=2024&soeg=afdeling&sortering=navn&kun_flagede=on"],
)
def test_organisation_page_stays_constant_as_its_estates_grow(
    client, login, caseworker_kk, monitoring_data, vacancy_rule, query
):
    url = f"/monitorering/organisation/0042/?{query}"
    login(client, caseworker_kk)
    grow_organisation(vacancy_rule, estates=30)
    before = queries(client, url)

    grow_organisation(vacancy_rule, estates=60)

    assert queries(client, url) == before
    assert before <= MAX_QUERIES
