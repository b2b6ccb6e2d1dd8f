"""The monitoring pages' cached fragments: kept per municipality and per right, and never served
after the data they show has changed."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from monitoring_fixtures import raise_flag

from monitoring.models import Evaluation, FlagStatus
from portal import roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def caseworker_aarhus(make_user):
    return make_user([roles.CASEWORKER, roles.MEMBER], municipality_code=751, mfa=True)


def page(client, login, user, path, **query):
    login(client, user)
    response = client.get(path, query)
    assert response.status_code == 200
    client.logout()
    return response.content.decode()


def test_two_municipalities_never_get_each_others_dashboard(
    client, login, caseworker_kk, caseworker_aarhus, monitoring_data
):
    for _ in range(2):  # the second round is answered from the cache
        kk = page(client, login, caseworker_kk, "/monitorering/", aar=2024)
        aarhus = page(client, login, caseworker_aarhus, "/monitorering/", aar=2024)

        assert "Københavns Almene Boliger" in kk
        assert "Aarhus Boligforening" not in kk
        assert "Aarhus Boligforening" in aarhus
        assert "Københavns Almene Boliger" not in aarhus
        assert "Rolige Boliger" not in aarhus


def test_a_cached_dashboard_reads_no_flags(client, login, caseworker_kk, monitoring_data):
    login(client, caseworker_kk)
    client.get("/monitorering/")

    with CaptureQueriesContext(connection) as queries:
        assert "Københavns Almene Boliger" in client.get("/monitorering/").content.decode()

    counting = [q["sql"] for q in queries if "COUNT" in q["sql"] and "monitoring_flag" in q["sql"]]
    assert counting == []


def test_a_new_evaluation_renders_the_dashboard_afresh(
    client, login, caseworker_kk, monitoring_data
):
    login(client, caseworker_kk)
    before = client.get("/monitorering/", {"aar": 2024, "alvor": "red"}).content.decode()
    assert "Rolige Boliger" not in before

    raise_flag(monitoring_data["flag"].rule, monitoring_data["calm"].estates.get(), 2024)
    Evaluation.objects.create()

    after = client.get("/monitorering/", {"aar": 2024, "alvor": "red"}).content.decode()
    assert "Rolige Boliger" in after


def test_the_organisation_page_links_each_reader_to_what_they_may_do(
    client, login, caseworker_kk, editor, monitoring_data
):
    path = "/monitorering/organisation/0042/"
    for _ in range(2):
        caseworker = page(client, login, caseworker_kk, path, aar=2024)
        styrelse = page(client, login, editor, path, aar=2024)

        assert "Følg op på flaget" in caseworker
        assert "Følg op på flaget" not in styrelse
        assert "Se flagets historik" in styrelse


def test_a_follow_up_shows_at_once_on_the_estate_page(
    client, login, caseworker_kk, monitoring_data
):
    login(client, caseworker_kk)
    path = "/monitorering/organisation/0042/afdeling/001/"
    assert "Under behandling" not in client.get(path, {"aar": 2024}).content.decode()
    flag = monitoring_data["flag"]

    response = client.post(
        f"/monitorering/flag/{flag.pk}/",
        {"status": FlagStatus.IN_PROGRESS, "note": "Ringet op.", "token": uuid.uuid4()},
    )

    assert response.status_code == 302
    assert "Under behandling" in client.get(path, {"aar": 2024}).content.decode()
