"""The topic page's list and side menu are one fragment for every reader, as they list only what
anyone may read: kept per topic, page of the list, language and content generation."""

import pytest
from django.conf import settings
from django.test import Client
from wagtail.models import PageViewRestriction

pytestmark = [pytest.mark.django_db, pytest.mark.page_tree_once("guidance_index")]

URL = "/vejledning/emne/styringsdialog/"
# Bypasses the anonymous page cache: the page renders, from the fragment once it is kept.
RENDER = {"utm_source": "nyhedsbrev"}


def main(response):
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


@pytest.mark.parametrize("member_first", [True, False])
def test_readers_with_and_without_rights_to_a_private_page_get_the_same_list(
    client, make_guidance_page, topic, login, member, member_first
):
    make_guidance_page("Vejledning for alle", topics=[topic])
    private = make_guidance_page("Vejledning for medlemmer", topics=[topic])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    login(client, member)
    anonymous = Client()
    assert client.get(private.url).status_code == 200  # the member may read it …
    assert anonymous.get(private.url).status_code == 302  # … the anonymous reader may not

    readers = [client, anonymous] if member_first else [anonymous, client]
    lists = [main(reader.get(URL, RENDER)) for reader in readers]

    assert lists[0] == lists[1]
    assert "Vejledning for alle" in lists[0]
    assert "Vejledning for medlemmer" not in lists[0]  # restricted pages are never listed


def test_each_page_of_the_list_topic_and_language_has_its_own_fragment(
    client, make_guidance_page, topic, other_topic, login, member
):
    for number in range(30):
        make_guidance_page(f"Vejledning {number:02d}", topics=[topic])
    make_guidance_page("Vejledning om økonomien", topics=[other_topic])
    login(client, member)

    first, second = main(client.get(URL)), main(client.get(URL, {"side": 2}))
    other = main(client.get(f"/vejledning/emne/{other_topic.slug}/"))
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = main(client.get(URL))

    assert "Vejledning 00" in first and "Vejledning 29" not in first
    assert "Vejledning 29" in second and "Vejledning 00" not in second
    assert f"<h1>{other_topic.name}</h1>" in other and "Vejledning om økonomien" in other
    assert f'href="/vejledning/emne/{other_topic.slug}/" aria-current="page"' in other
    assert "Other topics" in english and "Andre emner" in first


def test_signed_in_topic_page_reads_only_the_session_and_the_user(
    client, make_guidance_page, topic, login, member, django_assert_num_queries
):
    make_guidance_page("Vejledning om årshjulet", topics=[topic])
    login(client, member)
    client.get(URL)

    with django_assert_num_queries(2):
        assert "Vejledning om årshjulet" in main(client.get(URL))
