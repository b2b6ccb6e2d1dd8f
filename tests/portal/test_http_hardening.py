"""What every response of the portal promises: no 500 on a hostile URL, and the security headers.

Reuses the role × URL matrix's routes and objects, so a new URL is covered here too.
"""

import re

import pytest
from test_url_matrix import (  # noqa: F401
    EXPECTED,
    THIRD_PARTY,
    as_role,
    module_objects,
    network_objects,
    objects,
    role_cookies,
)

pytestmark = pytest.mark.django_db

HUGE = 2**63
INT_ROUTES = sorted(route for route in EXPECTED if "<id:" in route)
ROUTE_PARTS = {
    "slug": "aaben",
    "org_no": "0042",
    "estate_no": "001",
    "file_format": "csv",
    "kind": "arrangement",
}


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


def own_urls(objects):  # noqa: F811
    """(method, URL) of every own route, built from the matrix's real objects."""
    return [(method, build(objects)) for method, build, _expected in EXPECTED.values()]


def assert_security_headers(response, url):
    policy = response["Content-Security-Policy"]
    if policy == "default-src 'none'":  # Wagtail's document view: stricter still
        return
    assert "default-src 'self'" in policy and "object-src 'none'" in policy, url
    if url.startswith("/admin/"):
        assert "frame-ancestors 'self'" in policy, url
    else:
        assert "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy, url
    assert "camera=()" in response["Permissions-Policy"], url


def assert_not_stored(response, url):
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    assert {"private", "no-store"} <= directives, url


def test_every_url_kind_sends_the_security_headers_and_is_not_stored_for_a_signed_in_user(
    objects,  # noqa: F811
    as_role,  # noqa: F811
):
    client = as_role("administrator")
    urls = own_urls(objects) + [("get", url) for url in THIRD_PARTY if url != "DOCUMENT"]
    document = objects["document"]
    urls.append(("get", f"/documents/{document.pk}/{document.filename}"))

    for method, url in urls:
        response = getattr(client, method)(url)
        assert_security_headers(response, url)
        assert_not_stored(response, url)


PRIVATE_URLS = ["/konto/login/", "/monitorering/", "/api/monitoring/v1/flags", "/netvaerk/"]


def test_anonymous_readers_get_public_pages_cacheable_and_private_ones_not_stored(
    objects,  # noqa: F811
    client,
):
    for _hit in range(2):  # the second is the anonymous page cache's copy
        home = client.get("/")
        assert_security_headers(home, "/")
        assert "no-store" not in home.get("Cache-Control", "")
    for url in PRIVATE_URLS:
        response = client.get(url)
        assert_security_headers(response, url)
        assert_not_stored(response, url)


def test_files_of_a_network_are_not_stored(objects, as_role):  # noqa: F811
    attachment = objects["network"]["attachment"]
    client = as_role("member")

    response = client.get(f"/netvaerk/aaben/vedhaeftning/{attachment.pk}/")

    assert response.status_code == 200
    assert_not_stored(response, "attachment")
