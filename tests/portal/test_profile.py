"""The profile: editing it, downloading one's own data and deleting the account."""

import json
import re

import pytest
from accounts_fixtures import downloaded_data, unzipped
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core.cache import cache
from django.test import Client

from events import registration
from monitoring.models import FlagCase, FlagEvent
from portal import roles
from portal.demo import home_page
from portal.models import AccessRequest, AuditEvent, Invitation, Municipality, User, Workplace

pytestmark = pytest.mark.django_db

PROFILE_URL = "/konto/profil/"
DATA_URL = "/konto/profil/mine-data/"
DELETE_URL = "/konto/profil/slet/"


def profile_data(**overrides):
    data = {
        "first_name": "Mette",
        "last_name": "Medlem",
        "title": "Konsulent",
        "phone": "+45 12 34 56 78",
        "workplace": Workplace.OTHER,
        "municipality": "",
        "notification_frequency": "weekly",
    }
    data.update(overrides)
    return data


def test_member_edits_their_profile(client, member, login):
    login(client, member)
    aarhus = Municipality.objects.get(code=751)

    response = client.post(
        PROFILE_URL,
        profile_data(workplace=Workplace.MUNICIPALITY, municipality=aarhus.pk),
    )

    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.first_name, member.title, member.municipality) == ("Mette", "Konsulent", aarhus)
    assert member.notification_frequency == "weekly"


def test_errors_are_danish_and_keep_the_input(client, member, login):
    login(client, member)

    response = client.post(
        PROFILE_URL,
        profile_data(first_name="", title="Tilsynsansvarlig", workplace=Workplace.MUNICIPALITY),
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["first_name"] == ["Dette felt er påkrævet."]
    assert form.errors["municipality"] == ["Vælg den kommune, du arbejder i."]
    html = response.content.decode()
    assert 'value="Tilsynsansvarlig"' in html
    member.refresh_from_db()
    assert member.title == ""


def test_direction_and_invisible_characters_are_dropped_from_names(client, member, login):
    login(client, member)

    client.post(
        PROFILE_URL,
        profile_data(first_name="\u202eettem", last_name="Med\u200blem", title="\u2066Chef\u2069"),
    )

    member.refresh_from_db()
    assert (member.first_name, member.last_name, member.title) == ("ettem", "Medlem", "Chef")


def test_caseworker_cannot_change_municipality_with_a_forged_field(client, caseworker_kk, login):
    login(client, caseworker_kk)
    aarhus = Municipality.objects.get(code=751)

    response = client.post(
        PROFILE_URL,
        profile_data(
            workplace=Workplace.OTHER,
            municipality=aarhus.pk,
            is_lead_caseworker="on",
            email="kapret@example.org",
        ),
    )

    assert response.status_code == 302
    caseworker_kk.refresh_from_db()
    assert caseworker_kk.municipality.code == 101
    assert caseworker_kk.workplace == Workplace.MUNICIPALITY
    assert not caseworker_kk.is_lead_caseworker
    assert caseworker_kk.email != "kapret@example.org"
    assert caseworker_kk.first_name == "Mette"


def test_member_cannot_make_themselves_lead_or_change_e_mail(client, member, login):
    login(client, member)

    client.post(PROFILE_URL, profile_data(is_lead_caseworker="on", email="x@kk.dk", groups=[1]))

    member.refresh_from_db()
    assert not member.is_lead_caseworker
    assert member.email != "x@kk.dk"
    assert list(member.groups.values_list("name", flat=True)) == [roles.MEMBER]


def test_download_contains_my_data_and_nothing_about_others(client, make_user, login):
    me = make_user(roles.MEMBER, email="mig@kk.dk", first_name="Maja")
    other = make_user(roles.MEMBER, email="anden@kk.dk", first_name="Anders")
    kk = Municipality.objects.get(code=101)
    AccessRequest.objects.create(user=me, municipality=kk, motivation="Min begrundelse")
    AccessRequest.objects.create(user=other, municipality=kk, motivation="Andens begrundelse")
    login(client, other)
    client.post("/konto/logout/")
    login(client, me)

    response = client.get(DATA_URL)

    assert response["Content-Disposition"].startswith("attachment;")
    files = unzipped(response)
    body = files["mine-data.json"].decode()
    data = json.loads(body)
    assert data["profil"]["e-mail"] == "mig@kk.dk"
    assert data["profil"]["fornavn"] == "Maja"
    assert data["roller"] == [roles.MEMBER]
    assert data["e-mailadresser"] == [{"e-mail": "mig@kk.dk", "bekræftet": True, "primær": True}]
    assert [r["begrundelse"] for r in data["adgangsanmodninger"]] == ["Min begrundelse"]
    assert "Log-ind" in {e["hændelse"] for e in data["sikkerhedslog"]}
    summary = files["oversigt.html"].decode()
    assert "Min begrundelse" in summary and "mig@kk.dk" in summary
    for trace in ("anden@kk.dk", "Anders", "Andens begrundelse"):
        assert trace not in body and trace not in summary
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.DATA_EXPORTED, subject=me).exists()


def test_download_ignores_any_user_named_in_the_request(client, make_user, login):
    me, other = make_user(email="mig@kk.dk"), make_user(email="anden@kk.dk")
    login(client, me)

    for query in (f"?user={other.pk}", f"?pk={other.pk}", f"?email={other.email}"):
        data = downloaded_data(client.get(DATA_URL + query))
        assert data["profil"]["e-mail"] == "mig@kk.dk"
        assert "anden@kk.dk" not in json.dumps(data)


def test_no_account_url_takes_a_user_id():
    from portal.accounts import urls

    for pattern in urls.urlpatterns:
        converters = pattern.pattern.converters
        assert "user" not in str(pattern.pattern) and "user_id" not in converters


def test_download_lists_the_authenticator_but_not_its_secret(client, caseworker_kk, login):
    login(client, caseworker_kk)

    files = unzipped(client.get(DATA_URL))

    data = json.loads(files["mine-data.json"])
    assert [a["type"] for a in data["totrinsbekræftelse"]] == ["totp"]
    assert not [
        name for name, content in files.items() if caseworker_kk.totp_secret.encode() in content
    ]
    assert data["profil"]["kommune"] == "København"


def test_anonymous_cannot_download(client):
    response = client.get(DATA_URL)

    assert response.status_code == 302
    assert response.url.startswith("/konto/login/")


def test_delete_account_anonymises_and_logs_out(client, make_user, login):
    user = make_user(roles.MEMBER, email="slet.mig@kk.dk", municipality_code=101, title="Chef")
    kk = Municipality.objects.get(code=101)
    AccessRequest.objects.create(user=user, municipality=kk, motivation="x")
    login(client, user)

    response = client.post(DELETE_URL, {"password": user.raw_password})

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    user.refresh_from_db()
    assert str(user) == "Slettet bruger"
    assert user.email == f"slettet-{user.pk}@invalid.tilsynsportalen.dk"
    assert (user.first_name, user.last_name, user.title, user.municipality) == ("", "", "", None)
    assert not user.is_active
    assert not user.has_usable_password()
    assert not user.groups.exists()
    assert not EmailAddress.objects.filter(user=user).exists()
    assert not EmailAddress.objects.filter(email="slet.mig@kk.dk").exists()
    assert not AccessRequest.objects.filter(user=user).exists()
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.ACCOUNT_DELETED, subject=user).exists()
    assert "slet.mig@kk.dk" not in json.dumps(
        list(AuditEvent.objects.filter(subject=user).values_list("details", flat=True))
    )

    client.post("/konto/login/", {"login": "slet.mig@kk.dk", "password": user.raw_password})
    assert "_auth_user_id" not in client.session


def test_deleted_address_can_sign_up_again(client, make_user, login):
    user = make_user(email="slet.mig@kk.dk")
    login(client, user)
    client.post(DELETE_URL, {"password": user.raw_password})

    client.post(
        "/konto/signup/",
        {
            "email": "slet.mig@kk.dk",
            "password1": "Ny-start-paa-konto-1",
            "password2": "Ny-start-paa-konto-1",
        },
    )

    assert User.objects.filter(email="slet.mig@kk.dk").exclude(pk=user.pk).exists()


def test_delete_account_removes_authenticators(client, caseworker_kk, login):
    login(client, caseworker_kk)

    client.post(DELETE_URL, {"password": caseworker_kk.raw_password})

    assert not Authenticator.objects.filter(user=caseworker_kk).exists()


def test_wrong_password_refuses_deletion_in_danish(client, member, login):
    login(client, member)

    response = client.post(DELETE_URL, {"password": "ikke-min-kode"})

    assert response.status_code == 200
    assert response.context["form"].errors["password"] == ["Adgangskoden er forkert."]
    member.refresh_from_db()
    assert member.is_active and member.deleted_at is None
    assert client.session["_auth_user_id"] == str(member.pk)
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.ACCOUNT_DELETED).exists()


def test_deletion_message_is_shown_on_the_home_page(client, member, login):
    home_page()
    login(client, member)

    response = client.post(DELETE_URL, {"password": member.raw_password}, follow=True)

    assert "Din konto er slettet." in response.content.decode()


def test_deletion_leaves_the_address_nowhere(client, make_user, login, administrator):
    user = make_user(roles.MEMBER, email="slet.mig@kk.dk")
    Invitation.objects.create(email=user.email, role=roles.MEMBER, invited_by=administrator)
    AuditEvent.objects.create(
        kind=AuditEvent.Kind.INVITATION_SENT, details={"email": "Slet.Mig@kk.dk", "role": "x"}
    )
    for _attempt in range(6):
        client.post("/konto/login/", {"login": user.email, "password": "forkert-kodeord"})
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.LOCKOUT, subject=user).exists()
    cache.clear()
    login(client, user)

    client.post(DELETE_URL, {"password": user.raw_password})

    stored = json.dumps(list(AuditEvent.objects.values_list("details", flat=True)))
    assert "slet.mig@kk.dk" not in stored.lower()
    assert not Invitation.objects.filter(email__iexact="slet.mig@kk.dk").exists()


def test_deleting_an_account_gives_up_event_seats_and_flag_ownership(
    client, make_user, login, make_event, monitoring_data
):
    leaving = make_user([roles.CASEWORKER], municipality_code=101, mfa=True)
    waiting = make_user(roles.MEMBER)
    event = make_event(capacity=1)
    registration.register(leaving, event)
    queued = registration.register(waiting, event)
    flag = monitoring_data["flag"]
    FlagCase.objects.filter(pk=flag.case_id).update(assigned_to=leaving)
    FlagEvent.objects.create(case=flag.case, flag=flag, user=leaving, note="Ring til formanden.")
    login(client, leaving)

    assert "Ring til formanden." in unzipped(client.get(DATA_URL))["mine-data.json"].decode()
    client.post(DELETE_URL, {"password": leaving.raw_password})

    queued.refresh_from_db()
    case = FlagCase.objects.get(pk=flag.case_id)
    assert queued.is_confirmed, "the waiting list moved up"
    assert not event.registrations.filter(user=leaving).exists()
    assert case.assigned_to is None
    note = FlagEvent.objects.get(flag=flag)
    assert note.note == "Ring til formanden." and str(note.user) == "Slettet bruger"


def test_password_guessing_at_deletion_is_limited(client, member, login):
    login(client, member)
    for _attempt in range(5):
        client.post(DELETE_URL, {"password": "ikke-min-kode"})

    response = client.post(DELETE_URL, {"password": member.raw_password})

    assert response.status_code == 200
    assert "For mange forsøg" in response.context["form"].errors["password"][0]
    member.refresh_from_db()
    assert member.is_active


def test_download_hides_the_address_of_the_staff_member_who_decided(
    client, make_user, login, administrator
):
    me = make_user(email="mig@kk.dk")
    AuditEvent.objects.create(
        kind=AuditEvent.Kind.ACCESS_DECIDED, subject=me, actor=administrator, ip_address="10.9.8.7"
    )
    login(client, me)

    data = downloaded_data(client.get(DATA_URL))

    decided = [e for e in data["sikkerhedslog"] if e["hændelse"] == "Anmodning om adgang afgjort"]
    assert decided == [
        {"tidspunkt": decided[0]["tidspunkt"], "hændelse": decided[0]["hændelse"], "ip": None}
    ]
    own_login = [e for e in data["sikkerhedslog"] if e["hændelse"] == "Log-ind"]
    assert own_login and own_login[0]["ip"] == "127.0.0.1"


def test_deletion_erases_earlier_addresses_from_the_security_log(
    client, make_user, login, mailoutbox
):
    user = make_user(email="gammel@kk.dk")
    login(client, user)
    client.post("/konto/email/", {"action_add": "", "email": "ny@kk.dk"})
    confirmation = [m for m in mailoutbox if "/konto/confirm-email/" in m.body][-1]
    client.post(re.search(r"https?://[^/\s]+(/\S+)", confirmation.body).group(1))
    user.refresh_from_db()
    assert user.email == "ny@kk.dk"
    # Someone tries the old address: nobody has it any more, so the event names no user.
    Client().post("/konto/login/", {"login": "gammel@kk.dk", "password": "forkert-kodeord"})
    assert "gammel@kk.dk" in json.dumps(list(AuditEvent.objects.values_list("details", flat=True)))

    client.post(DELETE_URL, {"password": user.raw_password})

    assert "gammel@kk.dk" not in json.dumps(
        list(AuditEvent.objects.values_list("details", flat=True))
    )
