"""The anonymous page cache: hits cost no query, and published changes show at once."""

import warnings

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import CacheKeyWarning
from django.test import Client
from wagtail.models import Page, PageViewRestriction

from guidance.models import GuidancePage
from portal import roles
from portal.cache import content_generation
from portal.models import FooterSettings

pytestmark = [pytest.mark.django_db, pytest.mark.page_tree_once("guidance_index")]


@pytest.fixture
def page(make_guidance_page):
    return make_guidance_page("Styringsdialogens årshjul", slug="aarshjul")


@pytest.fixture
def url(page):
    return page.url


def change_title_behind_the_cache(page, title):
    """Change the page in the database without any signal, as no editor ever would."""
    GuidancePage.objects.filter(pk=page.pk).update(title=title)
    Page.objects.filter(pk=page.pk).update(title=title)


def test_second_anonymous_request_is_served_from_the_cache(client, url, django_assert_num_queries):
    first = client.get(url)
    assert first.status_code == 200

    with django_assert_num_queries(0):
        second = client.get(url)

    assert second.status_code == 200
    assert second.content == first.content


def test_cached_page_ignores_changes_that_bypass_publishing(client, page, url):
    client.get(url)
    change_title_behind_the_cache(page, "Ændret uden om Wagtail")

    assert "Styringsdialogens årshjul" in client.get(url).content.decode()


def test_publishing_a_new_revision_shows_at_once(client, page, url):
    assert "Styringsdialogens årshjul" in client.get(url).content.decode()

    page.title = "Styringsdialogens nye årshjul"
    page.save_revision().publish()

    assert "Styringsdialogens nye årshjul" in client.get(url).content.decode()


def test_publishing_another_page_refreshes_menus_and_lists(client, home, page, url, news_index):
    """A new menu page appears on every cached page, not only on the page that was published."""
    client.get(url)
    news_index.show_in_menus = False
    news_index.save_revision().publish()

    assert 'href="/nyheder/"' not in client.get(url).content.decode()


def test_unpublished_page_is_gone_at_once(client, page, url):
    assert client.get(url).status_code == 200

    page.unpublish()

    assert client.get(url).status_code == 404


def test_page_made_private_is_not_served_from_the_cache(client, page, url):
    assert client.get(url).status_code == 200

    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(url)
    assert response.status_code == 302
    assert "Styringsdialogens årshjul" not in response.content.decode()


def test_logged_in_users_are_never_served_cached_pages(client, page, url):
    client.get(url)
    change_title_behind_the_cache(page, "Den aktuelle titel")
    member = get_user_model().objects.create_user(
        username="medlem", email="medlem@kommune.dk", password="x"
    )
    logged_in = Client()
    logged_in.force_login(member)

    assert "Den aktuelle titel" in logged_in.get(url).content.decode()


def test_pages_rendered_for_logged_in_users_are_not_stored(client, page, url):
    member = get_user_model().objects.create_user(
        username="medlem", email="medlem@kommune.dk", password="x"
    )
    logged_in = Client()
    logged_in.force_login(member)
    assert "Log ud" in logged_in.get(url).content.decode()

    response = client.get(url)

    assert "Log ud" not in response.content.decode()
    assert "Log ind" in response.content.decode()


def test_requests_with_a_query_string_are_not_cached(client, page, url):
    client.get(url, {"utm_source": "nyhedsbrev"})
    change_title_behind_the_cache(page, "Den aktuelle titel")

    assert "Den aktuelle titel" in client.get(url, {"utm_source": "nyhedsbrev"}).content.decode()
    assert "Den aktuelle titel" in client.get(url).content.decode()


def test_the_chosen_language_has_its_own_cache_entry(client, url):
    danish = client.get(url).content.decode()
    client.cookies["django_language"] = "en"

    english = client.get(url)

    assert english.content.decode() != danish
    assert '<html lang="en">' in english.content.decode()


def test_any_path_makes_a_valid_cache_key(client, make_guidance_page, django_assert_num_queries):
    long_slug = "styringsdialogens-aarshjul-" + "og-tilsyn-" * 22
    url = make_guidance_page("Et langt navn", slug=long_slug).url
    assert len(url) > 250  # memcached's limit on a key
    with warnings.catch_warnings():
        warnings.simplefilter("error", CacheKeyWarning)
        forged = client.get("/vejledning/" + "a b\t" * 80 + "/")
        client.get(url)
        with django_assert_num_queries(0):
            cached = client.get(url)

    assert forged.status_code == 404
    assert cached.status_code == 200


def test_search_results_are_never_cached(client, make_guidance_page):
    make_guidance_page("Første", text="Styringsdialog.")
    assert "1 resultat" in client.get("/soeg/", {"q": "styringsdialog"}).content.decode()

    make_guidance_page("Anden", text="Styringsdialog.")

    assert "2 resultater" in client.get("/soeg/", {"q": "styringsdialog"}).content.decode()


@pytest.mark.django_db
def test_editing_the_footer_or_a_topic_clears_the_cache(client, make_guidance_page, topic):
    page = make_guidance_page("Styringsdialogen", topics=[topic])
    client.get(page.url)
    before = content_generation()
    footer = FooterSettings.objects.get()
    footer.contact_phone = "+45 11 22 33 44"
    footer.save()
    assert content_generation() > before
    after_footer = content_generation()
    topic.name = "Styringsdialog og aftaler"
    topic.save()
    assert content_generation() > after_footer
    assert "Styringsdialog og aftaler" in client.get(page.url).content.decode()


@pytest.mark.parametrize("route", ["", "emne/styringsdialog/"])
def test_guidance_index_and_topic_routes_are_cached_too(
    client, page, topic, django_assert_num_queries, route
):
    page.topics.add(topic)
    page.save_revision().publish()
    url = f"{page.get_parent().url}{route}"
    first = client.get(url)
    assert first.status_code == 200

    with django_assert_num_queries(0):
        second = client.get(url)

    assert second.content == first.content


def test_topic_page_lists_guidance_a_page_at_a_time(client, make_guidance_page, topic):
    for number in range(30):
        make_guidance_page(f"Vejledning {number:02d}", topics=[topic])

    first = client.get("/vejledning/emne/styringsdialog/").content.decode()
    second = client.get("/vejledning/emne/styringsdialog/?side=2").content.decode()

    assert "Vejledning 00" in first and "Vejledning 29" not in first
    assert "Vejledning 29" in second and "Side 2 af 2" in second


def test_guidance_body_is_rendered_once_until_content_changes(client, page, login, member):
    """Logged-in readers are never served whole cached pages, but the body is rendered once."""
    login(client, member)
    client.get(page.url)
    GuidancePage.objects.filter(pk=page.pk).update(
        body=[("paragraph", "<p>Ændret uden om redaktionen.</p>")]
    )

    assert "Ændret uden om redaktionen." not in client.get(page.url).content.decode()

    page.body = [("paragraph", "<p>Ny tekst om årshjulet.</p>")]
    page.save_revision().publish()

    assert "Ny tekst om årshjulet." in client.get(page.url).content.decode()


def test_preview_renders_the_unsaved_body(client, page, login, make_user):
    approver = make_user(roles.APPROVER, mfa=True)
    login(client, approver)
    client.get(page.url)

    response = client.post(
        f"/admin/pages/{page.pk}/edit/preview/",
        {
            "title": page.title,
            "slug": page.slug,
            "summary": "",
            "body-count": "1",
            "body-0-type": "paragraph",
            "body-0-value": '{"blocks":[{"key":"a","text":"Forhåndsvisning af ny tekst","type":"unstyled","depth":0,"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
            "body-0-deleted": "",
            "body-0-order": "0",
            "body-0-id": "",
            "last_reviewed": "2026-11-01",
            "content_owner": "Center for Bolig",
        },
    )
    assert response.json().get("is_valid"), response.content[:500]

    preview = client.get(f"/admin/pages/{page.pk}/edit/preview/").content.decode()
    assert "Forhåndsvisning af ny tekst" in preview


def test_signed_in_topic_page_lists_from_memory_until_content_changes(
    client, make_guidance_page, topic, login, member, django_assert_max_num_queries
):
    """The topic's list is counted and read once per content generation, for every reader
    alike; publishing a page or restricting one shows at once."""
    login(client, member)
    first = make_guidance_page("Vejledning om årshjulet", topics=[topic])
    url = "/vejledning/emne/styringsdialog/"
    client.get(url)
    change_title_behind_the_cache(first, "Ændret uden om redaktionen")

    with django_assert_max_num_queries(2):  # the session and the user
        assert "Vejledning om årshjulet" in client.get(url).content.decode()

    second = make_guidance_page("Vejledning om budgettet", topics=[topic])
    assert "Vejledning om budgettet" in client.get(url).content.decode()

    PageViewRestriction.objects.create(page=second, restriction_type=PageViewRestriction.LOGIN)
    assert "Vejledning om budgettet" not in client.get(url).content.decode()
