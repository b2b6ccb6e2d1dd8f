"""Users arriving through the OpenID Connect provider are matched to their municipality.

The provider's data is built as allauth stores it: {"userinfo": {...}, "id_token": {...}}.
"""

import logging
import socket
import time

import pytest
from allauth.socialaccount.models import SocialAccount, SocialLogin
from django.test import RequestFactory

from portal.accounts.adapter import SocialAccountAdapter
from portal.models import User, Workplace
from portal.settings.base import openid_connect_providers

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def municipality_claim(settings):
    settings.OIDC_MUNICIPALITY_CLAIM = "kommunekode"


def arrive(email, userinfo=None, id_token=None):
    extra_data = {"userinfo": {"email": email, **(userinfo or {})}, "id_token": id_token or {}}
    sociallogin = SocialLogin(
        user=User(), account=SocialAccount(provider="openid_connect", extra_data=extra_data)
    )
    data = {"email": email, "first_name": "Sanne", "last_name": "Sso"}
    return SocialAccountAdapter().populate_user(RequestFactory().get("/"), sociallogin, data)


def test_the_userinfo_claim_decides():
    user = arrive("sanne@example.org", userinfo={"kommunekode": "0751"})

    assert user.municipality.name == "Aarhus"
    assert user.workplace == Workplace.MUNICIPALITY
    assert user.username == "sanne@example.org"


def test_the_id_token_claim_decides_when_userinfo_has_none():
    user = arrive("sanne@example.org", id_token={"kommunekode": "461"})

    assert user.municipality.name == "Odense"


def test_userinfo_wins_over_the_id_token():
    user = arrive("sanne@example.org", {"kommunekode": "751"}, {"kommunekode": "0101"})

    assert user.municipality.name == "Aarhus"


def test_the_claim_wins_over_the_email_domain():
    user = arrive("sanne@kk.dk", id_token={"kommunekode": "0461"})

    assert user.municipality.name == "Odense"


def test_without_the_claim_the_email_domain_decides():
    user = arrive("sanne@kk.dk")

    assert user.municipality.name == "København"


@pytest.mark.parametrize("code", ["75", "07510", "Aarhus", "0999"])
def test_a_malformed_or_unknown_code_falls_back_to_the_email_domain(code):
    user = arrive("sanne@kk.dk", userinfo={"kommunekode": code})

    assert user.municipality.name == "København"


def test_no_role_is_taken_from_the_provider():
    user = arrive("sanne@kk.dk", {"kommunekode": "101", "groups": ["Kommunal sagsbehandler"]})
    user.save()

    assert not user.groups.exists()
    assert not user.is_lead_caseworker


def test_an_address_the_provider_has_not_verified_must_be_verified_here(settings):
    assert settings.SOCIALACCOUNT_EMAIL_VERIFICATION == "mandatory"


def unreachable_provider(settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.SOCIALACCOUNT_PROVIDERS = openid_connect_providers(
        f"http://127.0.0.1:{port}/openid", "portal", "hemmelig"
    )


def test_choosing_an_unreachable_provider_gives_a_danish_page_and_a_log_line(
    client, settings, caplog
):
    unreachable_provider(settings)

    with caplog.at_level(logging.WARNING, logger="portal.accounts.adapter"):
        response = client.post("/konto/oidc/kommune/login/")

    assert response.status_code == 503
    assert "Kommunalt log-in kan ikke nås lige nu" in response.content.decode()
    assert "failed: provider unreachable" in caplog.text


def test_a_callback_while_the_provider_is_unreachable_gives_a_danish_page(client, settings):
    unreachable_provider(settings)
    """The state is a real one, as allauth stashed it when the log-in started."""
    session = client.session
    session["socialaccount_states"] = {
        "valid-state": [
            {"process": "login", "pkce_code_verifier": "v" * 43},
            time.time(),
            "kommune",
        ]
    }
    session.save()

    response = client.get(
        "/konto/oidc/kommune/login/callback/", {"state": "valid-state", "code": "abc"}
    )

    assert response.status_code == 503
    assert "Kommunalt log-in kan ikke nås lige nu" in response.content.decode()
