"""Access requests: a member asks to become caseworker; a lead caseworker or administrator decides."""

import pytest
from django.contrib.messages import get_messages
from django.test import Client

from portal import access, roles
from portal.models import AccessRequest, AuditEvent, Municipality

pytestmark = pytest.mark.django_db

QUEUE_URL = "/konto/adgang/anmodninger/"


def decide_url(access_request):
    return f"/konto/adgang/anmodninger/{access_request.pk}/afgoer/"


@pytest.fixture
def kk():
    return Municipality.objects.get(code=101)


@pytest.fixture
def applicant(make_user):
    return make_user(roles.MEMBER, email="ansoeger@kk.dk")


@pytest.fixture
def pending(applicant, kk):
    return AccessRequest.objects.create(user=applicant, municipality=kk, motivation="Tilsyn i KK")


def test_member_requests_caseworker_access(client, applicant, kk, login):
    login(client, applicant)

    response = client.post(
        "/konto/adgang/anmod/", {"municipality": kk.pk, "motivation": "Jeg fører tilsyn."}
    )

    assert response.status_code == 302
    assert response.url == "/konto/profil/"
    access_request = AccessRequest.objects.get(user=applicant)
    assert access_request.status == AccessRequest.Status.PENDING
    assert access_request.municipality == kk
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.ACCESS_REQUESTED)
    assert (event.subject, event.actor, event.details) == (
        applicant,
        applicant,
        {"municipality": 101},
    )
    assert not access.has_role(applicant, roles.CASEWORKER)


def test_request_form_suggests_the_municipality_of_the_e_mail_domain(client, applicant, kk, login):
    login(client, applicant)

    response = client.get("/konto/adgang/anmod/")

    assert response.context["form"].initial["municipality"] == kk.pk


def test_second_pending_request_is_refused_in_danish(client, applicant, pending, login):
    login(client, applicant)
    aarhus = Municipality.objects.get(code=751)

    response = client.post(
        "/konto/adgang/anmod/", {"municipality": aarhus.pk, "motivation": "En gang til."}
    )

    assert response.status_code == 200
    assert "allerede en anmodning" in response.content.decode()
    assert AccessRequest.objects.filter(user=applicant).count() == 1


def test_caseworker_cannot_request_again(client, caseworker_kk, kk, login):
    login(client, caseworker_kk)

    response = client.post("/konto/adgang/anmod/", {"municipality": kk.pk, "motivation": "x"})

    assert "allerede sagsbehandler" in response.content.decode()
    assert not AccessRequest.objects.exists()


def test_lead_caseworker_approves_a_request_in_their_municipality(
    client,
    lead_caseworker_kk,
    pending,
    applicant,
    kk,
    login,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    login(client, lead_caseworker_kk)

    response = client.get(QUEUE_URL)
    assert response.status_code == 200
    assert list(response.context["requests"]) == [pending]
    assert applicant.email in response.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(decide_url(pending), {"decision": "approve", "note": "Velkommen"})

    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == AccessRequest.Status.APPROVED
    assert pending.decided_by == lead_caseworker_kk
    applicant.refresh_from_db()
    assert applicant.municipality == kk
    assert list(applicant.groups.values_list("name", flat=True).order_by("name")) == [
        roles.CASEWORKER,
        roles.MEMBER,
    ]
    assert [m.to for m in mailoutbox] == [[applicant.email]]
    assert "er godkendt" in mailoutbox[0].body
    assert "Velkommen" in mailoutbox[0].body
    decided = AuditEvent.objects.get(kind=AuditEvent.Kind.ACCESS_DECIDED)
    assert (decided.subject, decided.actor) == (applicant, lead_caseworker_kk)
    assert decided.details == {"decision": "approved", "municipality": 101}
    assert AuditEvent.objects.filter(
        kind=AuditEvent.Kind.ROLE_GRANTED, subject=applicant, details__role=roles.CASEWORKER
    ).exists()
    assert client.get(QUEUE_URL).context["requests"].count() == 0


def test_approved_caseworker_must_then_set_up_mfa(client, make_user, pending, applicant, login):
    applicant_client = client
    login(applicant_client, applicant)
    administrator = make_user(roles.ADMINISTRATOR, mfa=True)
    admin_client = Client()
    login(admin_client, administrator)
    admin_client.post(decide_url(pending), {"decision": "approve"})

    response = applicant_client.get("/")

    assert response.status_code == 302
    assert response.url.startswith("/konto/2fa/totp/activate/")


def test_lead_caseworker_of_another_municipality_sees_nothing_and_gets_404(
    client, lead_caseworker_aarhus, pending, applicant, login
):
    login(client, lead_caseworker_aarhus)

    response = client.get(QUEUE_URL)
    assert response.status_code == 200
    assert list(response.context["requests"]) == []
    assert applicant.email not in response.content.decode()

    response = client.post(decide_url(pending), {"decision": "approve"})

    assert response.status_code == 404
    pending.refresh_from_db()
    assert pending.status == AccessRequest.Status.PENDING
    assert not applicant.groups.filter(name=roles.CASEWORKER).exists()


def test_lead_caseworker_cannot_decide_their_own_request(client, lead_caseworker_kk, kk, login):
    own = AccessRequest.objects.create(user=lead_caseworker_kk, municipality=kk, motivation="x")
    login(client, lead_caseworker_kk)

    assert client.post(decide_url(own), {"decision": "approve"}).status_code == 404


@pytest.mark.parametrize("who", ["caseworker_kk", "member", "editor"])
def test_others_get_404_on_the_queue_and_the_decision(client, request, pending, login, who):
    user = request.getfixturevalue(who)
    login(client, user)

    assert client.get(QUEUE_URL).status_code == 404
    assert client.post(decide_url(pending), {"decision": "approve"}).status_code == 404
    pending.refresh_from_db()
    assert pending.status == AccessRequest.Status.PENDING


def test_anonymous_is_sent_to_log_in(client, pending):
    response = client.post(decide_url(pending), {"decision": "approve"})

    assert response.status_code == 302
    assert response.url.startswith("/konto/login/")
    pending.refresh_from_db()
    assert pending.status == AccessRequest.Status.PENDING


def test_administrator_rejects(
    client,
    administrator,
    pending,
    applicant,
    login,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    login(client, administrator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(decide_url(pending), {"decision": "reject", "note": "Ukendt"})

    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == AccessRequest.Status.REJECTED
    applicant.refresh_from_db()
    assert not applicant.groups.filter(name=roles.CASEWORKER).exists()
    assert applicant.municipality_id is None
    assert "er afvist" in mailoutbox[0].body
    assert "er afvist" in str(list(get_messages(response.wsgi_request))[-1])


@pytest.mark.parametrize("decision", ["", "APPROVE", "grant", "approve;reject"])
def test_forged_decision_is_refused(client, administrator, pending, applicant, login, decision):
    login(client, administrator)

    response = client.post(decide_url(pending), {"decision": decision})

    assert response.status_code == 302
    assert response.url == QUEUE_URL
    assert "kunne ikke læses" in str(list(get_messages(response.wsgi_request))[-1])
    pending.refresh_from_db()
    assert pending.status == AccessRequest.Status.PENDING
    assert not applicant.groups.filter(name=roles.CASEWORKER).exists()


def test_decision_needs_post(client, administrator, pending, login):
    login(client, administrator)

    assert client.get(decide_url(pending)).status_code == 405


def test_decided_request_cannot_be_decided_again(client, administrator, pending, applicant, login):
    login(client, administrator)
    client.post(decide_url(pending), {"decision": "reject"})

    response = client.post(decide_url(pending), {"decision": "approve"})

    assert response.status_code == 404
    assert not applicant.groups.filter(name=roles.CASEWORKER).exists()


@pytest.mark.parametrize("url", [QUEUE_URL, "/konto/invitationer/ny/"])
def test_deciding_and_inviting_require_mfa_like_the_admin(client, make_user, login, url):
    administrator = make_user(roles.ADMINISTRATOR)
    login(client, administrator)

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith("/konto/2fa/totp/activate/")


def test_lead_caseworker_without_mfa_cannot_decide(client, make_user, pending, applicant, login):
    lead = make_user(roles.CASEWORKER, municipality_code=101, lead=True)
    login(client, lead)

    response = client.post(decide_url(pending), {"decision": "approve"})

    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.status == AccessRequest.Status.PENDING
