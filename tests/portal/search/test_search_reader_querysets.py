"""A reader's search querysets are built and compiled once per reader scope and generation in
the process (`page._reader_queryset`): a first-time query of one reader never runs on another
reader's queryset, and a reader whose rights change gets a queryset built afresh."""

import pytest
from django.test import Client
from monitoring_fixtures import make_organisation

from network.choices import GroupKind, MembershipRole, MembershipStatus
from network.models import Group, Membership, Thread
from portal import roles
from portal.models import Municipality

pytestmark = pytest.mark.django_db


def facets(client, query):
    response = client.get("/soeg/", {"q": query})
    return {f.key: f.count for f in response.context["answer"].facets}


def test_readers_in_different_groups_never_search_each_others_queryset(make_user, login):
    insider, outsider = make_user(roles.MEMBER), make_user(roles.MEMBER)
    closed = Group.objects.create(name="Lukket", slug="lukket", kind=GroupKind.CLOSED)
    Membership.objects.create(
        group=closed, user=insider, status=MembershipStatus.ACTIVE, role=MembershipRole.MEMBER
    )
    Thread.objects.create(
        group=closed, author=insider, title="Skifervandet i kælderen", body_markdown="Tekst."
    )
    clients = {}
    for user in (insider, outsider):
        clients[user] = Client()
        login(clients[user], user)

    assert facets(clients[insider], "skifervandet")["netvaerk"] == 1
    assert facets(clients[outsider], "skifervandet kælderen")["netvaerk"] == 0
    assert facets(clients[insider], "kælderen")["netvaerk"] == 1


def test_a_caseworker_moved_to_another_municipality_searches_its_organisations(make_user, login):
    make_organisation(101, name="Boligselskabet Skiferhusene")
    make_organisation(751, name="Boligselskabet Skifergården")
    caseworker = make_user(roles.CASEWORKER, municipality_code=101, mfa=True)
    client = Client()
    login(client, caseworker)
    assert facets(client, "skiferhusene")["organisation"] == 1

    caseworker.municipality = Municipality.objects.get(code=751)
    caseworker.save()

    assert facets(client, "Skiferhusene")["organisation"] == 0
    assert facets(client, "skifergården")["organisation"] == 1
