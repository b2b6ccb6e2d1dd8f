"""The organisation and estate pages: who may see them is asked on every request, with the data
version, in one statement; their kept fragments never reach a caseworker of another
municipality, and new key figures or flags show at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from monitoring_fixtures import raise_flag, set_value, signed_in

from monitoring.models import Organisation
from portal.models import AuditEvent, Municipality

pytestmark = pytest.mark.django_db

ORGANISATION = "/monitorering/organisation/0042/"
ESTATE = "/monitorering/organisation/0042/afdeling/002/"
NO_ESTATE_FLAGS = "Afdelingens nøgletal gav ingen flag i året."


def html(client, path, **query):
    response = client.get(path, query)
    assert response.status_code == 200
    return response.content.decode()


def test_another_municipalitys_caseworker_never_gets_a_kept_entity_page(
    login, caseworker_kk, caseworker_aarhus, editor, monitoring_data
):
    kk, aarhus = signed_in(login, caseworker_kk), signed_in(login, caseworker_aarhus)
    styrelse = signed_in(login, editor)
    for _ in range(2):  # the second round finds the pages kept
        for path in (ORGANISATION, ESTATE):
            assert "Københavns Almene Boliger" in html(kk, path, aar=2024)
            assert aarhus.get(path, {"aar": 2024}).status_code == 404
            assert "Københavns Almene Boliger" in html(styrelse, path, aar=2024)
        assert "Aarhus Boligforening" in html(aarhus, "/monitorering/organisation/0043/")
        assert kk.get("/monitorering/organisation/0043/").status_code == 404


def test_an_organisation_given_to_another_municipality_moves_its_pages_at_once(
    login, caseworker_kk, caseworker_aarhus, monitoring_data
):
    kk, aarhus = signed_in(login, caseworker_kk), signed_in(login, caseworker_aarhus)
    for path in (ORGANISATION, ESTATE):
        html(kk, path)

    Organisation.objects.filter(org_no="0042").update(
        supervising_municipality=Municipality.objects.get(code=751)
    )
    for path in (ORGANISATION, ESTATE):
        assert kk.get(path).status_code == 404
        assert "Københavns Almene Boliger" in html(aarhus, path)


def test_new_key_figures_and_flags_show_at_once(
    login, caseworker_kk, monitoring_data, vacancy_rule
):
    client = signed_in(login, caseworker_kk)
    estate = monitoring_data["kk"].estates.get(estate_no="002")
    assert NO_ESTATE_FLAGS in html(client, ESTATE, aar=2024)
    assert "2025" not in html(client, ORGANISATION).split("<main", 1)[1]

    raise_flag(vacancy_rule, estate, 2024, value=9.5)
    assert NO_ESTATE_FLAGS not in html(client, ESTATE, aar=2024)

    set_value("disp_fund_free_per_unit", monitoring_data["kk"], 2025, 4100.0)
    shown = html(client, ORGANISATION).split("<main", 1)[1]
    assert "2025" in shown and "4.100" in shown


@pytest.mark.parametrize("path", [ORGANISATION, ESTATE])
def test_a_kept_entity_page_asks_access_and_data_version_in_one_statement(
    login, caseworker_kk, monitoring_data, path
):
    """Whether the reader may see the entity, its row and the data version: one round trip,
    and the audit event of the view written beside it."""
    client = signed_in(login, caseworker_kk)
    for _ in range(2):
        html(client, path)
    viewed = AuditEvent.objects.filter(kind=AuditEvent.Kind.MONITORING_VIEWED).count()

    with CaptureQueriesContext(connection) as context:
        html(client, path)
    monitoring = [q["sql"] for q in context if '"monitoring_' in q["sql"]]
    assert len(monitoring) == 1, monitoring
    assert "MAX(" in monitoring[0] and '"monitoring_organisation"' in monitoring[0]
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.MONITORING_VIEWED).count() == viewed + 1
