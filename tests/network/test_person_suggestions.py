"""The mention autocomplete and the person page: only people who may read the group, only to
those who may read it; a secret group's members are never listed to anyone outside it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.choices import GroupKind
from portal import roles
from tests.network.conftest import RELATIONS

pytestmark = pytest.mark.django_db

READERS = {
    GroupKind.OPEN: {"outsider", "moderator", "member", "removed", "requested", "invited"},
    GroupKind.CLOSED: {"moderator", "member"},
    GroupKind.SECRET: {"moderator", "member"},
}


def person(world, who, kind):
    return world["outsider"] if who == "outsider" else world[kind][who]


def names(response):
    return sorted(s["name"] for s in response.json()["suggestions"])


@pytest.mark.parametrize("kind", GroupKind.values)
@pytest.mark.parametrize("who", [*RELATIONS, "outsider"])
def test_suggestions_list_only_the_groups_readers_to_its_readers(world, as_user, kind, who):
    client = as_user(person(world, who, kind))

    response = client.get(f"/netvaerk/{kind}/personer/", {"q": kind})

    if who not in READERS[kind]:
        assert response.status_code == 404
        return
    readers_of_kind = sorted(f"{r.capitalize()} {kind}" for r in READERS[kind] - {"outsider"})
    assert names(response) == readers_of_kind


@pytest.mark.parametrize("kind", [GroupKind.CLOSED, GroupKind.SECRET])
def test_nobody_outside_a_closed_group_is_suggested_in_it(world, as_user, kind):
    client = as_user(world[kind]["member"])

    for typed in ["Uden", "open", "Member", "Banned"]:
        found = names(client.get(f"/netvaerk/{kind}/personer/", {"q": typed}))
        assert all(name.endswith(kind) for name in found), (typed, found)
        assert f"Banned {kind}" not in found


def test_a_suggestion_gives_name_id_and_where_the_person_works(world, as_user):
    closed = world["closed"]

    response = as_user(closed["member"]).get("/netvaerk/closed/personer/", {"q": "moderator clo"})

    assert response.json() == {
        "suggestions": [
            {
                "id": closed["moderator"].pk,
                "name": "Moderator closed",
                "detail": f"Tilsynskonsulent, {closed['moderator'].municipality}",
            }
        ]
    }


def test_someone_without_the_network_role_gets_nothing(world, as_user, make_user):
    response = as_user(make_user(email="nogen@example.org")).get(
        "/netvaerk/open/personer/", {"q": "open"}
    )

    assert response.status_code == 404


def test_suggestions_cost_the_same_queries_however_many_match(
    world, as_user, make_user, django_assert_max_num_queries
):
    client = as_user(world["open"]["member"])
    with CaptureQueriesContext(connection) as few:
        client.get("/netvaerk/open/personer/", {"q": "open"})
    for number in range(12):
        make_user(roles.MEMBER, first_name="Open", last_name=f"Kollega {number}")

    with django_assert_max_num_queries(len(few)):
        response = client.get("/netvaerk/open/personer/", {"q": "open"})

    assert len(response.json()["suggestions"]) == 8


@pytest.mark.parametrize("kind", GroupKind.values)
@pytest.mark.parametrize("who", ["member", "banned", "outsider"])
def test_a_person_page_shows_only_readers_of_the_group(world, as_user, kind, who):
    subject = person(world, who, kind)
    client = as_user(world[kind]["member"])

    response = client.get(f"/netvaerk/{kind}/personer/{subject.pk}/")

    assert response.status_code == (200 if who in READERS[kind] else 404)
    if response.status_code == 200:
        assert f"<h1>{subject.get_full_name()}</h1>" in response.content.decode()


def test_a_person_page_is_hidden_from_those_who_may_not_read_the_group(world, as_user):
    secret = world["secret"]

    response = as_user(world["outsider"]).get(f"/netvaerk/secret/personer/{secret['member'].pk}/")

    assert response.status_code == 404
