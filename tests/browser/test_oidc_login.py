"""Single sign-on end to end: Chromium logs in through a real OpenID Connect provider
(django-oidc-provider in a subprocess, tests/identity_provider), found by discovery, with PKCE
and a confidential client, as a municipality's identity provider would be set up."""

import logging
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth.models import Group
from django.core import mail
from module_site import additions_removed, shared_tab  # noqa: F401
from page_tree import make_home
from playwright.sync_api import expect

from portal import roles, security_headers
from portal.models import User, Workplace
from portal.settings.base import openid_connect_providers
from tests.identity_provider.people import CLIENT_ID, CLIENT_SECRET, PASSWORD, PEOPLE
from tests.identity_provider.process import free_port, running_provider

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CALLBACK = "/konto/oidc/kommune/login/callback/"
UNREACHABLE = "Kommunalt log-in kan ikke nås lige nu"


@pytest.fixture(scope="module")
def portal(module_live_server):
    """The module's live server (its URL) with a home page, built once."""
    make_home()
    return module_live_server


@pytest.fixture
def portal_url(portal):
    """The module's live server; the people the test's log-ins create are gone after it."""
    with additions_removed(User):
        yield portal


@pytest.fixture(scope="module")
def identity_provider(portal, tmp_path_factory):
    with running_provider(tmp_path_factory.mktemp("idp"), portal + CALLBACK) as provider:
        yield provider


def use_provider(settings, server_url):
    """The portal configured as portal.settings.base does from OIDC_SERVER_URL and friends."""
    settings.SOCIALACCOUNT_PROVIDERS = openid_connect_providers(
        server_url, CLIENT_ID, CLIENT_SECRET
    )
    settings.OIDC_MUNICIPALITY_CLAIM = "kommunekode"
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": security_headers.directives(server_url)}


@pytest.fixture
def single_sign_on(settings, identity_provider, portal_url):
    use_provider(settings, identity_provider.server_url)
    return identity_provider


def choose_single_sign_on(tab):
    tab.goto("/konto/login/")
    tab.get_by_role("link", name="Kommunalt log-in").click()
    tab.get_by_role("button", name="Fortsæt").click()


def log_in_at_provider(tab, username):
    tab.fill("input[name=username]", username)
    tab.fill("input[name=password]", PASSWORD)
    tab.get_by_role("button", name="Log ind hos kommunen").click()
    tab.get_by_role("button", name="Authorize").click()


def submit(tab):
    tab.locator("main form button[type=submit]").first.click()


def log_in_through_provider(tab, username):
    choose_single_sign_on(tab)
    log_in_at_provider(tab, username)


def test_a_person_arrives_matched_to_the_municipality_of_the_claim_with_no_role(
    tab, single_sign_on
):
    authorize_requests = []
    tab.on(
        "request",
        lambda request: "/openid/authorize" in request.url and authorize_requests.append(request),
    )

    log_in_through_provider(tab, "sanne")

    expect(tab.get_by_role("alert").or_(tab.locator(".alert"))).to_contain_text(
        "Loggede succesfuldt ind med sanne.sagsbehandler@example.org"
    )
    user = User.objects.get(email=PEOPLE["sanne"]["email"])
    assert (user.first_name, user.last_name) == ("Sanne", "Sagsbehandler")
    assert user.municipality.name == "Aarhus"
    assert user.workplace == Workplace.MUNICIPALITY
    assert not user.groups.exists()
    assert EmailAddress.objects.get(user=user).verified
    # allauth keeps the provider's data nested; the claim came from the userinfo endpoint.
    extra_data = SocialAccount.objects.get(user=user).extra_data
    assert extra_data["userinfo"]["kommunekode"] == "0751"
    assert extra_data["id_token"]["iss"] == single_sign_on.server_url
    # PKCE: the provider checks the verifier against this challenge before it issues a token.
    query = parse_qs(urlsplit(authorize_requests[0].url).query)
    assert query["code_challenge_method"] == ["S256"]
    assert len(query["code_challenge"][0]) == 43
    # Discovery: the portal knew the endpoints only from the provider's configuration document.
    served = single_sign_on.log_tail()
    for request in ("GET /openid/.well-known/openid-configuration", "POST /openid/token"):
        assert request in served


def test_an_address_the_provider_has_not_verified_must_be_verified_first(tab, single_sign_on):
    log_in_through_provider(tab, "ulla")

    expect(tab).to_have_url(re.compile(r"/konto/confirm-email/$"))
    expect(tab.get_by_role("heading", level=1)).to_have_text("Bekræft din emailadresse")
    user = User.objects.get(email=PEOPLE["ulla"]["email"])
    assert user.municipality.name == "Odense"
    assert not EmailAddress.objects.get(user=user).verified
    assert [message.to for message in mail.outbox] == [[PEOPLE["ulla"]["email"]]]
    tab.goto("/konto/profil/")
    expect(tab).to_have_url(re.compile(r"/konto/login/"))


def test_a_role_that_requires_mfa_is_not_entered_without_it(tab, single_sign_on, totp_code):
    log_in_through_provider(tab, "sanne")
    expect(tab.get_by_role("button", name="Din konto")).to_be_visible()
    user = User.objects.get(email=PEOPLE["sanne"]["email"])
    user.groups.add(Group.objects.get(name=roles.CASEWORKER))

    tab.goto("/monitorering/")

    # No password here: allauth confirms it is the user with a code sent to the verified address.
    expect(tab.locator("main")).to_contain_text("Bekræft adgang")
    expect(tab.locator("body")).to_contain_text("Din rolle kræver totrinsbekræftelse")
    expect(tab.get_by_label("Send koden til")).to_have_value(user.email)
    tab.get_by_role("button", name="Anmod om kode").click()
    code = re.search(r"^[A-Z0-9]{4}-[A-Z0-9]{4}$", mail.outbox[-1].body, re.MULTILINE)
    tab.fill("input[name=code]", code.group())
    submit(tab)
    expect(tab).to_have_url(re.compile(r"/konto/2fa/totp/activate/\?next=%2Fmonitorering%2F$"))
    secret = tab.locator("#authenticator_secret").input_value()
    tab.fill("input[name=code]", totp_code(secret))
    submit(tab)
    expect(tab).to_have_url(re.compile(r"/konto/2fa/recovery-codes/"))

    tab.goto("/monitorering/")
    expect(tab).to_have_url(re.compile(r"/konto/2fa/reauthenticate/"))
    tab.fill("input[name=code]", totp_code(secret))
    submit(tab)
    expect(tab).to_have_url(re.compile(r"/monitorering/$"))


def test_a_caseworker_with_an_authenticator_confirms_it_after_the_provider(
    tab, single_sign_on, add_totp, totp_code
):
    log_in_through_provider(tab, "sanne")
    expect(tab.get_by_role("button", name="Din konto")).to_be_visible()
    user = User.objects.get(email=PEOPLE["sanne"]["email"])
    user.groups.add(Group.objects.get(name=roles.CASEWORKER))
    add_totp(user)
    tab.get_by_role("button", name="Din konto").click()
    tab.locator("#user-menu").get_by_role("button", name="Log ud").click()
    tab.context.clear_cookies()

    log_in_through_provider(tab, "sanne")

    expect(tab).to_have_url(re.compile(r"/konto/2fa/authenticate/"))
    tab.fill("input[name=code]", totp_code(user.totp_secret))
    submit(tab)
    tab.goto("/monitorering/")
    expect(tab).to_have_url(re.compile(r"/monitorering/$"))


def test_an_unreachable_provider_gives_a_danish_page_and_a_log_line(
    tab, settings, portal_url, caplog
):
    use_provider(settings, f"http://127.0.0.1:{free_port()}/openid")

    with caplog.at_level(logging.WARNING, logger="portal.accounts.adapter"):
        choose_single_sign_on(tab)
        expect(tab.locator("main")).to_contain_text(UNREACHABLE)

    assert "failed: provider unreachable" in caplog.text


def test_a_provider_that_goes_down_during_the_log_in_gives_a_danish_page(
    tab, settings, portal_url, tmp_path, caplog
):
    with running_provider(tmp_path, portal_url + CALLBACK) as provider:
        use_provider(settings, provider.server_url)

        # The provider stops after sending the person back, before the portal asks for a token.
        def stop_after_consent(route):
            response = route.fetch(max_redirects=0)
            provider.stop()
            route.fulfill(response=response)

        tab.route(f"{provider.server_url}/authorize", stop_after_consent)
        with caplog.at_level(logging.WARNING, logger="portal.accounts.adapter"):
            log_in_through_provider(tab, "sanne")
            expect(tab.locator("main")).to_contain_text(UNREACHABLE)

    assert "failed: provider unreachable" in caplog.text
    assert not User.objects.filter(email=PEOPLE["sanne"]["email"]).exists()
