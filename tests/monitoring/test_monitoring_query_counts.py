"""Monitoring pages issue the same number of queries however many organisations there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from monitoring_fixtures import add_estates, add_flagged_organisations, add_flags, add_values

from monitoring.models import Organisation

pytestmark = [pytest.mark.django_db, pytest.mark.monitoring_data_once]

MAX_QUERIES = 25


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

    add_flagged_organisations(vacancy_rule, 15)

    assert queries(client, url) == before
    assert before <= most


def test_national_view_stays_constant_in_queries(
    client, login, editor, monitoring_data, vacancy_rule
):
    login(client, editor)
    before = queries(client, "/monitorering/landet/")

    add_flagged_organisations(vacancy_rule, 15)

    assert queries(client, "/monitorering/landet/") == before


def grow_organisation(vacancy_rule, org_no="0042", estates=60):
    """More estates in one organisation, each with figures and a case running two years."""
    organisation = Organisation.objects.get(org_no=org_no)
    start = 100 + organisation.estates.count()
    added = add_estates(organisation, range(start, start + estates), homes=30, name="Ny afdeling")
    add_values("vacancy_rate_pct", added, [2023, 2024], 6.0)
    add_flags(vacancy_rule, added, [2023, 2024], 6.0)


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
