"""A repeated search is answered from caches (the kept answer, the facet list and the result
list's markup): readers with different rights never get each other's, and a result no longer
there is left out of a kept answer."""

import pytest
from django.test import Client
from wagtail.models import Page

from network.choices import GroupKind, MembershipRole, MembershipStatus
from network.models import Group, Membership, Thread
from portal import roles

pytestmark = pytest.mark.django_db


@pytest.fixture
def threads(make_user):
    """An open and a closed group's thread on the same word; the insider belongs to both."""
    insider = make_user(roles.MEMBER)
    found = {}
    for kind, title in [
        (GroupKind.OPEN, "Kvartsurværket på torvet"),
        (GroupKind.CLOSED, "Kvartsurværket i tårnet"),
    ]:
        group = Group.objects.create(name=f"Gruppe {kind}", slug=f"gruppe-{kind}", kind=kind)
        Membership.objects.create(
            group=group, user=insider, status=MembershipStatus.ACTIVE, role=MembershipRole.MEMBER
        )
        found[kind] = Thread.objects.create(
            group=group, author=insider, title=title, body_markdown="Tekst."
        )
    return insider, found


def shown(client, query, **params):
    response = client.get("/soeg/", {"q": query, **params})
    html = response.content.decode()
    facets = {f.key: f.count for f in response.context["answer"].facets}
    return html, facets


def test_readers_with_different_rights_never_get_each_others_repeated_answer(
    threads, make_user, login
):
    insider_user, found = threads
    insider, outsider = Client(), Client()
    login(insider, insider_user)
    login(outsider, make_user(roles.MEMBER))
    open_url = found[GroupKind.OPEN].get_absolute_url()
    closed_url = found[GroupKind.CLOSED].get_absolute_url()

    for first, second in [(insider, outsider), (outsider, insider)]:
        for query in ["kvartsurværket", "Kvartsurværket"]:
            for _ in range(2):  # the second request of each is answered from the caches
                for client in (first, second):
                    html, facets = shown(client, query, type="netvaerk")
                    assert open_url in html
                    if client is insider:
                        assert closed_url in html and facets["netvaerk"] == 2
                        assert "(2 resultater)" in html
                    else:
                        assert closed_url not in html and facets["netvaerk"] == 1
                        assert "(2 resultater)" not in html


def test_a_kept_answer_leaves_out_a_page_no_longer_there(make_guidance_page, client):
    kept = make_guidance_page("Styringsdialog i praksis", text="Budget.")
    gone = make_guidance_page("Styringsdialog", text="Budget.")
    assert gone.url in shown(client, "styringsdialog")[0]
    Page.objects.filter(pk=gone.pk).update(live=False)  # no signal: the kept answer stays

    html = shown(client, "styringsdialog")[0]

    assert kept.url in html and gone.url not in html
