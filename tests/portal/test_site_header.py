"""The site header is kept in pieces shared by every request of the same shape and filled per
request: each reader gets their own name, menu, search query and return address, never
another's."""

import re

from django.test import Client
from django.urls import reverse

from guidance.models import GuidanceIndexPage, NewsIndexPage
from portal import roles

SEARCH = "/soeg/"
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def header(client, path=SEARCH, **query):
    html = client.get(path, query).content.decode()
    return html[html.index("<header") : html.index("</header>")]


def test_people_with_different_rights_never_get_each_others_header(make_user, login):
    people = {
        "member": make_user(roles.MEMBER, first_name="Mona", last_name="Medlem"),
        "caseworker": make_user(
            [roles.CASEWORKER, roles.MEMBER],
            municipality_code=101,
            mfa=True,
            first_name="Sara",
            last_name="Sagsbehandler",
        ),
    }
    clients = {}
    for name, user in people.items():
        clients[name] = Client()
        login(clients[name], user)
    monitoring = f'href="{reverse("monitoring:dashboard")}"'
    for name in ["member", "caseworker", "member", "caseworker"]:
        html = header(clients[name], q=f"søgning for {name}")
        user = people[name]
        # The name in the user menu and in the mobile drawer.
        assert html.count(user.get_full_name()) == 2
        others = [other for other in people.values() if other != user]
        assert not any(other.get_full_name() in html for other in others)
        assert html.count(monitoring) == (2 if name == "caseworker" else 0)
        assert f'value="søgning for {name}"' in html
        assert html.count('name="csrfmiddlewaretoken"') == 1


def test_request_values_are_escaped_and_the_return_address_is_the_pages(make_user, login):
    client = Client()
    login(client, make_user(roles.MEMBER))
    html = header(client, q='"><script>')
    assert 'value="&quot;&gt;&lt;script&gt;"' in html
    assert "<script>" not in html
    # Both language lists return to this page with its query.
    assert html.count("?next=/soeg/%3Fq%3D%2522%253E%253Cscript%253E") == 4


def test_an_anonymous_reader_gets_the_log_in_link_back_to_the_page(db):
    html = header(Client(), "/soeg/", q="tilsyn")
    assert f'href="{reverse("account_login")}?next=/soeg/"' in html
    assert "log-out-form" not in html
    assert "csrfmiddlewaretoken" not in html


def test_control_characters_in_a_menu_title_or_a_query_neither_split_nor_reach_the_header(
    home, publish_page, make_user, login
):
    """The kept pieces are split at markers made of a control character; a title or query
    holding one (even shaped as a marker) must not move a value to another's place."""
    publish_page(home, GuidanceIndexPage(title="Vej\x1eback\x1eledning", show_in_menus=True))
    publish_page(home, NewsIndexPage(title="Ny\x1eheder", show_in_menus=True))
    client = Client()
    login(client, make_user(roles.MEMBER, first_name="Mo\x1ena", last_name="Medlem"))
    html = header(client, q="tilsyn\x1esearch_query\x1e kommune")
    assert 'value="tilsynsearch_query kommune"' in html
    assert html.count("Vejbackledning") == 2
    assert html.count("Nyheder") == 2
    assert html.count("Mona Medlem") == 2
    assert html.count('name="csrfmiddlewaretoken"') == 1
    assert not CONTROL.search(html)
