"""The monitoring pages' cached fragments: kept per municipality and per right, and never served
after the data they show has changed."""

import re
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from monitoring_fixtures import raise_flag, signed_in

from monitoring.models import Evaluation, FlagStatus, OrganisationAssessment, StyrelseNote
from portal import roles

pytestmark = [pytest.mark.django_db, pytest.mark.monitoring_data_once]

TOKEN = re.compile(r'name="token" value="([^"]+)"')


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


def test_only_the_location_municipalitys_caseworker_gets_the_estates_lying_there(
    login, make_user, editor, monitoring_data, vacancy_rule
):
    raise_flag(vacancy_rule, monitoring_data["kk"].estates.get(estate_no="002"), 2024)
    taarnby = make_user([roles.CASEWORKER], municipality_code=185, mfa=True)
    taarnby_client, styrelse_client = signed_in(login, taarnby), signed_in(login, editor)
    for _ in range(2):
        caseworker = page(taarnby_client, "/monitorering/", aar=2024)
        styrelse = page(styrelse_client, "/monitorering/", aar=2024, kommune=185)

        assert "Afdelinger i kommunen med tilsyn i en anden kommune" in caseworker
        assert "0042-002" in caseworker
        assert "0042-002" not in styrelse


def test_a_note_shows_at_once_only_in_its_municipality_and_only_styrelse_may_write(
    login, caseworker_kk, caseworker_aarhus, editor, monitoring_data
):
    clients = [signed_in(login, user) for user in (caseworker_kk, caseworker_aarhus, editor)]
    kk_client, aarhus_client, styrelse_client = clients
    organisation = "/monitorering/organisation/0042/"
    # Every fragment is in the cache before the note is written.
    for client, path in ((kk_client, organisation), (styrelse_client, organisation)):
        page(client, path)
    for client in (kk_client, aarhus_client):
        page(client, "/monitorering/", aar=2024)

    StyrelseNote.objects.create(
        organisation=monitoring_data["kk"], author=editor, title="Svar om tomgangen", body="."
    )

    for _ in range(2):
        assert "Svar om tomgangen" in page(kk_client, "/monitorering/", aar=2024)
        assert "Svar om tomgangen" not in page(aarhus_client, "/monitorering/", aar=2024)
        caseworker, styrelse = page(kk_client, organisation), page(styrelse_client, organisation)
        assert "Svar om tomgangen" in caseworker and "Svar om tomgangen" in styrelse
        assert "Skriv notat til tilsynskommunen" in styrelse
        assert "Skriv notat til tilsynskommunen" not in caseworker


def test_the_case_page_keeps_its_history_per_flag_and_shows_a_step_at_once(
    client, login, caseworker_kk, editor, monitoring_data
):
    login(client, caseworker_kk)
    flag, earlier = monitoring_data["flag"], monitoring_data["earlier_flag"]
    styrelse_client = signed_in(login, editor)
    assert "Der er endnu ikke fulgt op på sagen." in page(client, f"/monitorering/flag/{flag.pk}/")

    client.post(
        f"/monitorering/flag/{flag.pk}/",
        {"status": FlagStatus.IN_PROGRESS, "note": "Ringet op.", "token": uuid.uuid4()},
    )

    for _ in range(2):
        caseworker = page(client, f"/monitorering/flag/{flag.pk}/")
        styrelse = page(styrelse_client, f"/monitorering/flag/{flag.pk}/")
        assert "Ringet op." in caseworker and "Ringet op." in styrelse
        assert "Gem opfølgning" in caseworker and "Gem opfølgning" not in styrelse
        # The case's earlier flag has its own facts: the year it was raised in.
        assert "Nøgletal for 2023" in page(client, f"/monitorering/flag/{earlier.pk}/")
        assert "Nøgletal for 2023" not in caseworker


def test_the_follow_up_form_has_a_token_per_page_and_shows_a_new_caseworker_and_step_at_once(
    client, login, caseworker_kk, make_user, monitoring_data
):
    login(client, caseworker_kk)
    path = f"/monitorering/flag/{monitoring_data['flag'].pk}/"
    first, second = page(client, path), page(client, path)
    assert TOKEN.search(first)[1] != TOKEN.search(second)[1]
    assert "Nyansat Sagsbehandler" not in second

    make_user(
        roles.CASEWORKER, municipality_code=101, first_name="Nyansat", last_name="Sagsbehandler"
    )
    make_user(roles.CASEWORKER, municipality_code=751, first_name="Aarhusiansk")
    shown = page(client, path)
    assert "Nyansat Sagsbehandler" in shown and "Aarhusiansk" not in shown

    client.post(path, {"status": FlagStatus.IN_PROGRESS, "note": "", "token": uuid.uuid4()})
    assert f'<option value="{FlagStatus.IN_PROGRESS}" selected>' in page(client, path)
