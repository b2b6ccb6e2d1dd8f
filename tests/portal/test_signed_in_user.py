"""A signed-in request reads its user with their roles and second factor in one query, afresh:
a revoked role, a removed membership, a deactivated user or a removed authenticator counts on
the very next request, whatever the header's fragments keep."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal import roles

pytestmark = pytest.mark.django_db

MONITORING_LINK = f'href="{reverse("monitoring:dashboard")}"'


def profile(client):
    response = client.get(reverse("profile"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_user_roles_and_second_factor_are_read_in_one_query(client, home, caseworker_kk, login):
    login(client, caseworker_kk)
    client.get("/")

    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200

    sql = [query["sql"] for query in queries.captured_queries]
    about_the_user = [s for s in sql if "portal_user" in s or "mfa_authenticator" in s]
    assert len(about_the_user) == 1
    assert "auth_group" in about_the_user[0] and "mfa_authenticator" in about_the_user[0]
    assert not [s for s in sql if "portal_municipality" in s]


def test_a_revoked_role_counts_on_the_next_request(client, caseworker_kk, login):
    login(client, caseworker_kk)
    assert MONITORING_LINK in profile(client)
    assert client.get(reverse("monitoring:dashboard")).status_code == 200

    caseworker_kk.groups.remove(Group.objects.get(name=roles.CASEWORKER))

    assert MONITORING_LINK not in profile(client)
    assert client.get(reverse("monitoring:dashboard")).status_code == 404


def test_a_membership_removed_from_the_group_counts_on_the_next_request(
    client, caseworker_kk, login
):
    login(client, caseworker_kk)
    assert MONITORING_LINK in profile(client)

    Group.objects.get(name=roles.CASEWORKER).user_set.remove(caseworker_kk)

    assert MONITORING_LINK not in profile(client)


def test_a_granted_role_counts_on_the_next_request(client, make_user, login):
    user = make_user(roles.MEMBER, municipality_code=101, mfa=True)
    login(client, user)
    assert MONITORING_LINK not in profile(client)

    user.groups.add(Group.objects.get(name=roles.CASEWORKER))

    assert MONITORING_LINK in profile(client)


def test_a_deactivated_user_is_signed_out_on_the_next_request(client, member, login):
    login(client, member)
    profile(client)

    member.is_active = False
    member.save(update_fields=["is_active"])

    response = client.get(reverse("profile"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_a_caseworker_whose_authenticator_is_removed_must_set_one_up(client, caseworker_kk, login):
    login(client, caseworker_kk)
    assert client.get(reverse("monitoring:dashboard")).status_code == 200

    Authenticator.objects.filter(user=caseworker_kk).delete()

    response = client.get(reverse("monitoring:dashboard"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


@pytest.mark.parametrize("person", ["member", "caseworker_kk"])
def test_a_signed_in_home_page_costs_the_session_and_the_user(
    client, home, login, request, person, django_assert_num_queries
):
    login(client, request.getfixturevalue(person))
    for _ in range(2):
        client.get("/")  # fills the menu, the footer and the account menu

    with django_assert_num_queries(2):
        assert client.get("/").status_code == 200
