"""The security log: events are recorded from signals, and only administrators read them."""

import csv
import io

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from django.contrib.auth.models import Group
from django.test import Client

from portal import roles
from portal.models import AuditEvent

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/sikkerhedslog/"


def kinds(**filters):
    return list(AuditEvent.objects.filter(**filters).values_list("kind", flat=True))


def test_login_and_logout_are_recorded(client, member, login):
    login(client, member)
    client.post("/konto/logout/")

    assert sorted(kinds(subject=member, kind__in=["login", "logout"])) == ["login", "logout"]
    assert kinds(subject=member, kind="role_granted") == ["role_granted"]


def test_failed_login_is_recorded_with_the_attempted_address(client, member):
    client.post("/konto/login/", {"login": member.email, "password": "forkert-kodeord"})
    client.post("/konto/login/", {"login": "ukendt@example.org", "password": "forkert-kodeord"})

    known, unknown = AuditEvent.objects.filter(kind=AuditEvent.Kind.LOGIN_FAILED).order_by("pk")
    assert (known.subject, known.details) == (member, {"attempted": member.email})
    assert (unknown.subject, unknown.details) == (None, {"attempted": "ukendt@example.org"})
    assert known.ip_address == "127.0.0.1"


def test_mfa_added_and_removed_are_recorded(
    client, make_user, login_with_password, totp_code, django_capture_on_commit_callbacks
):
    member = make_user(roles.MEMBER)
    login_with_password(client, member)
    client.post("/konto/reauthenticate/", {"password": member.raw_password})
    client.get("/konto/2fa/totp/activate/")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/konto/2fa/totp/activate/", {"code": totp_code(client.session[SECRET_SESSION_KEY])}
        )
    assert Authenticator.objects.filter(user=member, type="totp").exists()

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/konto/2fa/totp/deactivate/")

    assert not Authenticator.objects.filter(user=member, type="totp").exists()
    added = AuditEvent.objects.filter(kind=AuditEvent.Kind.MFA_ADDED, subject=member)
    removed = AuditEvent.objects.filter(kind=AuditEvent.Kind.MFA_REMOVED, subject=member)
    assert {"totp", "recovery_codes"} == {e.details["type"] for e in added}
    assert "totp" in {e.details["type"] for e in removed}
    assert {e.actor for e in [*added, *removed]} == {member}


def test_role_granted_and_revoked_from_either_side_are_recorded(make_user):
    user = make_user()
    editors = Group.objects.get(name=roles.EDITOR)

    user.groups.add(editors)
    user.groups.remove(editors)
    editors.user_set.add(user)
    editors.user_set.remove(user)

    events = list(
        AuditEvent.objects.filter(subject=user).order_by("pk").values_list("kind", "details")
    )
    assert events == [
        (AuditEvent.Kind.ROLE_GRANTED, {"role": roles.EDITOR}),
        (AuditEvent.Kind.ROLE_REVOKED, {"role": roles.EDITOR}),
        (AuditEvent.Kind.ROLE_GRANTED, {"role": roles.EDITOR}),
        (AuditEvent.Kind.ROLE_REVOKED, {"role": roles.EDITOR}),
    ]


def test_adding_a_role_already_held_records_nothing(make_user):
    user = make_user(roles.MEMBER)
    before = AuditEvent.objects.count()

    user.groups.add(Group.objects.get(name=roles.MEMBER))

    assert AuditEvent.objects.count() == before


@pytest.fixture
def admin_client(administrator, login):
    client = Client()
    login(client, administrator)
    return client


def test_administrator_reads_the_security_log(admin_client, member):
    Client().post("/konto/login/", {"login": member.email, "password": "forkert-kodeord"})

    response = admin_client.get(REPORT_URL)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Sikkerhedslog" in html
    assert member.email in html


def test_security_log_filters_by_kind(admin_client, member, login):
    Client().post("/konto/login/", {"login": "ukendt@example.org", "password": "forkert-kodeord"})

    response = admin_client.get(REPORT_URL, {"kind": "login_failed"})

    assert response.status_code == 200
    shown = list(response.context["object_list"])
    assert shown
    assert {event.kind for event in shown} == {AuditEvent.Kind.LOGIN_FAILED}
    all_events = admin_client.get(REPORT_URL).context["object_list"]
    assert {event.kind for event in all_events} > {AuditEvent.Kind.LOGIN_FAILED}


def test_security_log_filters_by_user(admin_client, member, make_user):
    other = make_user()
    for user in (member, other):
        Client().post("/konto/login/", {"login": user.email, "password": "forkert-kodeord"})

    response = admin_client.get(REPORT_URL, {"email": member.email})

    assert {event.subject for event in response.context["object_list"]} == {member}


def test_security_log_exports_csv(admin_client, member):
    Client().post("/konto/login/", {"login": member.email, "password": "forkert-kodeord"})

    response = admin_client.get(REPORT_URL, {"export": "csv", "kind": "login_failed"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "sikkerhedslog-" in response["Content-Disposition"]
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert rows[0] == ["Tidspunkt", "Hændelse", "Vedrører", "Udført af", "IP-adresse", "Detaljer"]
    assert len(rows) == 2
    assert rows[1][2] == member.email
    assert rows[1][4] == "127.0.0.1"


@pytest.mark.parametrize("who", ["editor", "lead_caseworker_kk"])
def test_others_cannot_read_the_security_log(client, request, login, who):
    login(client, request.getfixturevalue(who))

    for url in (REPORT_URL, f"{REPORT_URL}?export=csv", f"{REPORT_URL}resultater/"):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert b"Mislykket log-ind" not in response.content


def test_security_log_is_not_in_the_editor_menu(client, editor, login):
    login(client, editor)

    response = client.get("/admin/reports/")

    assert b"sikkerhedslog" not in response.content.lower()


def test_security_log_exports_xlsx(admin_client, member):
    from openpyxl import load_workbook

    Client().post("/konto/login/", {"login": member.email, "password": "forkert-kodeord"})

    response = admin_client.get(REPORT_URL, {"export": "xlsx", "kind": "login_failed"})

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][2] == "Vedrører"
    assert rows[1][2] == member.email
    assert member.email in rows[1][5]


HOSTILE_ADDRESS = "=2+5+cmd|'/Ccalc'!A0@example.org"


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_security_log_export_keeps_a_formula_in_an_address_as_text(admin_client, make_user, export):
    from openpyxl import load_workbook

    make_user(email=HOSTILE_ADDRESS)
    Client().post("/konto/login/", {"login": HOSTILE_ADDRESS, "password": "forkert-kodeord"})

    response = admin_client.get(REPORT_URL, {"export": export, "kind": "login_failed"})

    content = b"".join(response.streaming_content)
    if export == "csv":
        rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    else:
        rows = list(load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True))
    assert rows[1][2] == f"'{HOSTILE_ADDRESS}"
