"""The signed-in user's menu is a cached fragment, shared by users whose menu is the same: two
users with different rights never receive each other's."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from portal import roles


def menu_links(user, login):
    """The links of the account menu on the user's profile page (header and mobile menu)."""
    client = Client()
    login(client, user)
    html = client.get(reverse("profile")).content.decode()
    return {
        name: html.count(f'href="{reverse(name)}"')
        for name in ("monitoring:dashboard", "invite", "access_request_queue", "wagtailadmin_home")
    }


@pytest.fixture
def people(make_user):
    return {
        "member": make_user(roles.MEMBER),
        "caseworker": make_user([roles.CASEWORKER, roles.MEMBER], municipality_code=101, mfa=True),
        "lead": make_user(
            [roles.CASEWORKER, roles.MEMBER], municipality_code=101, mfa=True, lead=True
        ),
        "administrator": make_user(roles.ADMINISTRATOR, mfa=True),
    }


# Each link appears twice when shown: in the header's user menu and in the mobile menu.
EXPECTED = {
    "member": {"monitoring:dashboard": 0, "invite": 0, "access_request_queue": 0},
    "caseworker": {"monitoring:dashboard": 2, "invite": 0, "access_request_queue": 0},
    "lead": {"monitoring:dashboard": 2, "invite": 0, "access_request_queue": 2},
    "administrator": {"monitoring:dashboard": 2, "invite": 2, "access_request_queue": 2},
}


@pytest.mark.parametrize("order", [list(EXPECTED), list(reversed(EXPECTED))])
def test_users_with_different_rights_never_get_each_others_menu(people, login, order):
    for name in order:
        links = menu_links(people[name], login)
        assert {key: links[key] for key in EXPECTED[name]} == EXPECTED[name], name


def test_users_with_the_same_rights_share_one_fragment(make_user, login):
    first, second = make_user(roles.MEMBER), make_user(roles.MEMBER)
    menu_links(first, login)
    keys = {key for key in cache._cache if ":fragment:account-menu:" in key}
    menu_links(second, login)
    assert {key for key in cache._cache if ":fragment:account-menu:" in key} == keys
    assert len(keys) == 1
