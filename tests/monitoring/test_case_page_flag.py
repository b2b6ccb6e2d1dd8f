"""The case page's flag: what it shows is kept for every reader of the flag, who may see it and
follow it up is asked on every request, and each view is logged."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from monitoring_fixtures import signed_in

from monitoring.models import FlagCase, FlagStatus, Organisation
from portal import roles
from portal.models import AuditEvent, Municipality

pytestmark = pytest.mark.django_db

FOLLOW_UP = "Gem opfølgning"


def case_page(client, flag):
    return client.get(f"/monitorering/flag/{flag.pk}/")


def test_another_municipalitys_caseworker_never_gets_a_kept_case_page(
    login, caseworker_kk, caseworker_aarhus, editor, monitoring_data
):
    flag = monitoring_data["flag"]
    kk, aarhus = signed_in(login, caseworker_kk), signed_in(login, caseworker_aarhus)
    styrelse = signed_in(login, editor)
    for _ in range(2):  # the second round finds the flag kept
        assert FOLLOW_UP in case_page(kk, flag).content.decode()
        assert case_page(aarhus, flag).status_code == 404
        shown = case_page(styrelse, flag)
        assert shown.status_code == 200 and FOLLOW_UP not in shown.content.decode()
    aarhus_flag = monitoring_data["aarhus_flag"]
    assert FOLLOW_UP in case_page(aarhus, aarhus_flag).content.decode()
    assert case_page(kk, aarhus_flag).status_code == 404


def test_an_organisation_given_to_another_municipality_moves_its_case_page_at_once(
    login, caseworker_kk, caseworker_aarhus, monitoring_data
):
    """Its supervising municipality can change without a new import or evaluation: nothing of
    who may see the case, or follow it up, comes from what is kept."""
    flag = monitoring_data["flag"]
    kk, aarhus = signed_in(login, caseworker_kk), signed_in(login, caseworker_aarhus)
    assert case_page(kk, flag).status_code == 200
    assert case_page(aarhus, flag).status_code == 404

    Organisation.objects.filter(pk=flag.organisation_id).update(
        supervising_municipality=Municipality.objects.get(code=751)
    )
    assert case_page(kk, flag).status_code == 404
    assert FOLLOW_UP in case_page(aarhus, flag).content.decode()


def test_a_reassignment_and_a_new_status_show_at_once(
    login, caseworker_kk, make_user, monitoring_data
):
    flag = monitoring_data["flag"]
    colleague = make_user(roles.CASEWORKER, municipality_code=101, first_name="Kollega")
    client = signed_in(login, caseworker_kk)
    before = case_page(client, flag).content.decode()
    assert f'<option value="{colleague.pk}" selected>' not in before

    client.post(
        f"/monitorering/flag/{flag.pk}/",
        {"status": FlagStatus.DISCUSSED, "assigned_to": colleague.pk, "token": uuid.uuid4()},
    )
    after = case_page(client, flag).content.decode()
    assert f'<option value="{colleague.pk}" selected>' in after
    assert f'<option value="{FlagStatus.DISCUSSED}" selected>' in after
    case = FlagCase.objects.get(pk=flag.case_id)
    assert (case.status, case.assigned_to) == (FlagStatus.DISCUSSED, colleague)


def test_a_kept_case_page_reads_only_whether_the_reader_may_see_it_and_logs_every_view(
    login, caseworker_kk, monitoring_data
):
    flag = monitoring_data["flag"]
    client = signed_in(login, caseworker_kk)
    case_page(client, flag)

    with CaptureQueriesContext(connection) as context:
        assert case_page(client, flag).status_code == 200
    shown = [q["sql"] for q in context if "monitoring_flagcase" in q["sql"]]
    assert shown == []
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.MONITORING_VIEWED).count() == 2


def test_a_kept_case_page_asks_access_and_data_version_in_one_statement(
    login, caseworker_kk, monitoring_data
):
    """Whether the reader may see the flag and the data version: one round trip (the audit
    event is written beside it)."""
    flag = monitoring_data["flag"]
    client = signed_in(login, caseworker_kk)
    for _ in range(2):
        case_page(client, flag)

    with CaptureQueriesContext(connection) as context:
        assert case_page(client, flag).status_code == 200
    monitoring = [q["sql"] for q in context if '"monitoring_' in q["sql"]]
    assert len(monitoring) == 1, monitoring
    assert "MAX(" in monitoring[0] and '"monitoring_flag"' in monitoring[0].split("LEFT JOIN")[1]
