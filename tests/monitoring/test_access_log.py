"""Viewing an organisation, an estate or a case, and every export, is written to the audit log:
who, what and when, as the privacy page promises."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import APIToken

from portal.models import AuditEvent

pytestmark = pytest.mark.django_db

API = "/api/monitoring/v1"


def events(kind):
    return list(AuditEvent.objects.filter(kind=kind).order_by("pk"))


def only_event(kind):
    found = events(kind)
    assert len(found) == 1, [event.details for event in found]
    return found[0]


@pytest.fixture
def signed_in(client, login, caseworker_kk):
    login(client, caseworker_kk)
    AuditEvent.objects.all().delete()
    return client


def test_viewing_an_organisation_is_logged_with_who_what_and_when(
    signed_in, caseworker_kk, monitoring_data
):
    with CaptureQueriesContext(connection) as captured:
        assert signed_in.get("/monitorering/organisation/0042/?aar=2024").status_code == 200

    inserts = [q["sql"] for q in captured if 'INSERT INTO "portal_auditevent"' in q["sql"]]
    assert len(inserts) == 1
    event = only_event(AuditEvent.Kind.MONITORING_VIEWED)
    assert event.actor == caseworker_kk and event.subject == caseworker_kk
    assert event.created_at is not None
    assert event.ip_address == "127.0.0.1"
    assert event.details == {
        "what": "organisation",
        "organisation": "0042",
        "year": 2024,
        "path": "/monitorering/organisation/0042/?aar=2024",
    }


def test_viewing_an_estate_names_the_estate(signed_in, monitoring_data):
    signed_in.get("/monitorering/organisation/0042/afdeling/001/")

    event = only_event(AuditEvent.Kind.MONITORING_VIEWED)
    assert event.details["what"] == "estate"
    assert (event.details["organisation"], event.details["estate_no"]) == ("0042", "001")


def test_viewing_a_case_names_the_case_and_its_flag(signed_in, monitoring_data):
    flag = monitoring_data["flag"]

    signed_in.get(f"/monitorering/flag/{flag.pk}/")

    details = only_event(AuditEvent.Kind.MONITORING_VIEWED).details
    assert details["what"] == "case"
    assert (details["case"], details["flag"], details["estate_no"]) == (
        flag.case_id,
        flag.pk,
        "001",
    )


@pytest.mark.parametrize(
    ("url", "what", "org_no", "file"),
    [
        ("/monitorering/eksport.csv", "csv", None, "tilsyn-101-2024.csv"),
        (
            "/monitorering/organisation/0042/rapport.xlsx",
            "xlsx",
            "0042",
            "styringsdialog-0042-2024.xlsx",
        ),
        ("/monitorering/organisation/0042/rapport/", "print", "0042", None),
        ("/monitorering/organisation/0042/noegletal.csv", "csv", "0042", "noegletal-0042.csv"),
        (
            "/monitorering/organisation/0042/afdeling/001/noegletal.csv",
            "csv",
            "0042",
            "noegletal-0042-001.csv",
        ),
        (f"{API}/organisations", "api", None, None),
        (f"{API}/organisations/0042", "api", "0042", None),
        (f"{API}/organisations/0042/estates", "api", "0042", None),
        (f"{API}/organisations/0042/key-figures", "api", "0042", None),
        (f"{API}/organisations/0042/estates/001/key-figures", "api", "0042", None),
        (f"{API}/flags", "api", None, None),
    ],
)
def test_every_export_is_logged_in_one_format(
    signed_in, caseworker_kk, monitoring_data, url, what, org_no, file
):
    """Files, the print view and the API write the same details: what, path, organisation."""
    assert signed_in.get(url).status_code == 200

    event = only_event(AuditEvent.Kind.MONITORING_EXPORTED)
    assert event.actor == caseworker_kk and event.subject == caseworker_kk
    assert event.ip_address == "127.0.0.1"
    details = event.details
    assert (details["what"], details.get("organisation"), details.get("file")) == (
        what,
        org_no,
        file,
    )
    assert details["path"] == url
    assert not events(AuditEvent.Kind.MONITORING_VIEWED)


def test_an_api_token_logs_its_user(client, caseworker_kk, monitoring_data):
    _token, plaintext = APIToken.create_token(user=caseworker_kk, name="Integration")

    client.get(f"{API}/organisations/0042/key-figures", HTTP_AUTHORIZATION=f"Bearer {plaintext}")

    assert only_event(AuditEvent.Kind.MONITORING_EXPORTED).actor == caseworker_kk


def test_a_refused_organisation_is_not_logged_as_viewed(signed_in, monitoring_data):
    assert signed_in.get("/monitorering/organisation/0043/").status_code == 404
    assert signed_in.get(f"{API}/organisations/0043/key-figures").status_code == 404

    assert not events(AuditEvent.Kind.MONITORING_VIEWED)
    assert not events(AuditEvent.Kind.MONITORING_EXPORTED)


REFUSE_AUDIT_INSERTS = {
    "postgresql": [
        "CREATE FUNCTION refuse_audit() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused'; "
        "END; $$ LANGUAGE plpgsql",
        "CREATE TRIGGER refuse_audit BEFORE INSERT ON portal_auditevent "
        "FOR EACH ROW EXECUTE FUNCTION refuse_audit()",
    ],
    "sqlite": [
        "CREATE TRIGGER refuse_audit BEFORE INSERT ON portal_auditevent "
        "BEGIN SELECT RAISE(ABORT, 'refused'); END",
    ],
}
ALLOW_AUDIT_INSERTS = {
    "postgresql": [
        "DROP TRIGGER refuse_audit ON portal_auditevent",
        "DROP FUNCTION refuse_audit()",
    ],
    "sqlite": ["DROP TRIGGER refuse_audit"],
}


def run_sql(statements):
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


@pytest.mark.django_db(transaction=True)
def test_a_page_outside_a_transaction_is_shown_after_its_event_is_committed(
    migrated_db, client, login, caseworker_kk, monitoring_data
):
    """As the server runs a page (autocommit): on PostgreSQL the event is written on a connection
    of its own while the page is built, and is in the log when the response arrives."""
    login(client, caseworker_kk)
    AuditEvent.objects.all().delete()
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/monitorering/organisation/0042/?aar=2024").status_code == 200

    inserts = [q["sql"] for q in captured if 'INSERT INTO "portal_auditevent"' in q["sql"]]
    assert len(inserts) == (0 if connection.vendor == "postgresql" else 1)
    event = only_event(AuditEvent.Kind.MONITORING_VIEWED)
    assert event.actor == caseworker_kk and event.ip_address == "127.0.0.1"
    assert event.details["path"] == "/monitorering/organisation/0042/?aar=2024"


@pytest.mark.django_db(transaction=True)
def test_a_page_whose_event_cannot_be_written_is_not_shown(
    migrated_db, client, login, caseworker_kk, monitoring_data
):
    login(client, caseworker_kk)
    client.raise_request_exception = False
    run_sql(REFUSE_AUDIT_INSERTS[connection.vendor])
    try:
        response = client.get("/monitorering/organisation/0042/?aar=2024")
    finally:
        run_sql(ALLOW_AUDIT_INSERTS[connection.vendor])

    assert response.status_code == 500
    assert "0042" not in response.content.decode()
    assert not events(AuditEvent.Kind.MONITORING_VIEWED)
