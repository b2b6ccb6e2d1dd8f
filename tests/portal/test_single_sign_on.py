"""Users arriving through the OpenID Connect provider are matched to their municipality."""

import pytest
from allauth.socialaccount.models import SocialAccount, SocialLogin
from django.test import RequestFactory

from portal.accounts.adapter import SocialAccountAdapter
from portal.models import User, Workplace

pytestmark = pytest.mark.django_db


def arrive(email, **claims):
    sociallogin = SocialLogin(
        user=User(), account=SocialAccount(provider="openid_connect", extra_data=claims)
    )
    data = {"email": email, "first_name": "Sanne", "last_name": "Sso"}
    return SocialAccountAdapter().populate_user(RequestFactory().get("/"), sociallogin, data)


def test_the_municipality_claim_decides(settings):
    settings.OIDC_MUNICIPALITY_CLAIM = "kommunekode"

    user = arrive("sanne@example.org", kommunekode="0751")

    assert user.municipality.name == "Aarhus"
    assert user.workplace == Workplace.MUNICIPALITY
    assert user.username == "sanne@example.org"


def test_without_the_claim_the_email_domain_decides(settings):
    settings.OIDC_MUNICIPALITY_CLAIM = "kommunekode"

    user = arrive("sanne@kk.dk")

    assert user.municipality.name == "København"


def test_no_role_is_taken_from_the_provider(settings):
    settings.OIDC_MUNICIPALITY_CLAIM = "kommunekode"

    user = arrive("sanne@kk.dk", kommunekode="101", groups=["Kommunal sagsbehandler"])
    user.save()

    assert not user.groups.exists()
    assert not user.is_lead_caseworker
