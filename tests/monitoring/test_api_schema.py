"""Schemathesis against the monitoring API's own OpenAPI schema, as a caseworker with an API
token and anonymously: whatever the generated input, no 500 and every response as documented."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from wagtail.models import APIToken

from monitoring.api.api import api
from portal import roles

pytestmark = [pytest.mark.django_db, pytest.mark.monitoring_data_once]

PREFIX = "/api/monitoring/v1"

schema = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix=PREFIX))
schema.app = get_wsgi_application()


@pytest.fixture(autouse=True)
def requests_keep_the_test_connection():
    """Schemathesis calls the WSGI app directly; like Django's test client, keep each request
    from closing the connection that holds the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def token(make_user, monitoring_data):
    caseworker = make_user([roles.CASEWORKER], municipality_code=101, mfa=True)
    _token, plaintext = APIToken.create_token(user=caseworker, name="Schemathesis")
    return plaintext


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_a_caseworker_gets_documented_answers_only(case, token):
    case.call_and_validate(headers={"Authorization": f"Bearer {token}"})


@schema.parametrize()
@settings(
    max_examples=5,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_anonymous_callers_are_refused_as_documented(case):
    response = case.call_and_validate()
    # 401 without credentials; 405 when Schemathesis tries a method the operation lacks.
    assert response.status_code in {401, 405}, response.text
