"""What every response of the portal promises: no 500 on a hostile URL, and the security headers.

Reuses the role × URL matrix's routes and objects, so a new URL is covered here too.
"""

import re

import pytest
from test_url_matrix import EXPECTED, as_role, network_objects, objects  # noqa: F401

pytestmark = pytest.mark.django_db

HUGE = 2**63
INT_ROUTES = sorted(route for route in EXPECTED if "<id:" in route)
ROUTE_PARTS = {"slug": "aaben", "org_no": "0042", "estate_no": "001"}


def with_huge_ids(route):
    """The route as a URL: every integer 2**63 (one past PostgreSQL's bigint), the rest real."""

    def part(match):
        converter, name = match.groups()
        return str(HUGE) if converter == "id" else ROUTE_PARTS[name]

    return "/" + re.sub(r"<(\w+):(\w+)>", part, route)


@pytest.mark.parametrize("route", INT_ROUTES)
def test_an_id_beyond_the_databases_range_is_not_found(objects, as_role, route):  # noqa: F811
    method = EXPECTED[route][0]
    client = as_role("administrator")

    response = getattr(client, method)(with_huge_ids(route))

    assert response.status_code == 404, route
