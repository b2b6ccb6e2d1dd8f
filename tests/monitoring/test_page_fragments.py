"""The monitoring pages' cached fragments: kept per municipality and per right, and never served
after the data they show has changed."""

import uuid

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from monitoring_fixtures import raise_flag

from monitoring.models import Evaluation, FlagStatus, OrganisationAssessment
from portal import roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def caseworker_aarhus(make_user):
    return make_user([roles.CASEWORKER, roles.MEMBER], municipality_code=751, mfa=True)


def signed_in(login, user):
    """A client of its own per user: a TOTP code is accepted only once."""
    client = Client()
    login(client, user)
    return client


def page(client, path, **query):
    response = client.get(path, query)
    assert response.status_code == 200
    return response.content.decode()


def test_two_municipalities_never_get_each_others_dashboard(
    login, caseworker_kk, caseworker_aarhus, monitoring_data
):
    kk_client, aarhus_client = signed_in(login, caseworker_kk), signed_in(login, caseworker_aarhus)
    for _ in range(2):  # the second round is answered from the cache
        kk = page(kk_client, "/monitorering/", aar=2024)
        aarhus = page(aarhus_client, "/monitorering/", aar=2024)

        assert "Københavns Almene Boliger" in kk
        assert "Aarhus Boligforening" not in kk
        assert "Aarhus Boligforening" in aarhus
        assert "Københavns Almene Boliger" not in aarhus
        assert "Rolige Boliger" not in aarhus


def test_a_cached_dashboard_reads_neither_assessments_nor_flag_counts(
    client, login, caseworker_kk, monitoring_data
):
    login(client, caseworker_kk)
    client.get("/monitorering/")

    with CaptureQueriesContext(connection) as queries:
        assert "Københavns Almene Boliger" in client.get("/monitorering/").content.decode()

    table = OrganisationAssessment._meta.db_table
    # Only the data version (the cache key's maxima) may touch the table.
    reads = [q["sql"] for q in queries if table in q["sql"] and "MAX(id)" not in q["sql"]]
    assert reads == []


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


def test_the_flag_lists_link_each_reader_to_what_they_may_do(
    login, caseworker_kk, editor, monitoring_data
):
    path = "/monitorering/organisation/0042/afdeling/001/"
    kk_client, styrelse_client = signed_in(login, caseworker_kk), signed_in(login, editor)
    for _ in range(2):
        caseworker = page(kk_client, path, aar=2024)
        styrelse = page(styrelse_client, path, aar=2024)

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
