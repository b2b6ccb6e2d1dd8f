"""Routing keeps the site, the pages on the way and the view restrictions in memory per content
generation (portal/routing.py): a rendered page reads only itself, and every change that can
alter routing or access shows at once."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from wagtail.models import Page, PageViewRestriction, Site

from guidance.models import GuidanceIndexPage
from portal.cache import bump_content_generation, content_generation, generation_memo

pytestmark = [pytest.mark.django_db, pytest.mark.page_tree_once("guidance_index")]

# Bypasses the anonymous page cache: the page renders on every request.
RENDER = {"utm_source": "nyhedsbrev"}


@pytest.fixture
def page(make_guidance_page, topic):
    return make_guidance_page("Styringsdialogens årshjul", slug="aarshjul", topics=[topic])


def test_rendered_guidance_page_reads_only_itself(client, page, django_assert_num_queries):
    client.get(page.url, RENDER)  # fills the memo and the article, menu and footer fragments

    with django_assert_num_queries(1):
        response = client.get(page.url, RENDER)

    html = response.content.decode()
    assert 'class="breadcrumbs__link">Vejledning</a>' in html
    assert 'href="/vejledning/emne/styringsdialog/">Styringsdialog</a>' in html


def test_the_page_served_is_read_afresh(client, page):
    client.get(page.url, RENDER)
    Page.objects.filter(pk=page.pk).update(seo_title="Årshjulet for styringsdialogen")

    html = client.get(page.url, RENDER).content.decode()
    assert "<title>Årshjulet for styringsdialogen – Tilsynsportalen</title>" in html


def test_made_up_paths_below_a_page_are_not_found(client, page):
    assert client.get("/vejledning/aarshjul/findes-ikke/", RENDER).status_code == 404
    assert client.get("/findes-ikke/aarshjul/", RENDER).status_code == 404


def test_the_page_served_is_found_by_an_indexed_url_path():
    """Without the index, reading a guidance page by its url_path read every page row."""
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, Page._meta.db_table)

    assert any(index["index"] and index["columns"] == ["url_path"] for index in indexes.values())


def test_a_value_not_worth_keeping_is_computed_again():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert generation_memo(None, "prøve", compute, keep=lambda value: False) == 1
    assert generation_memo(None, "prøve", compute, keep=lambda value: False) == 2
    assert generation_memo(None, "prøve", compute) == 3
    assert generation_memo(None, "prøve", compute) == 3


def test_a_section_published_anew_shows_at_once(client, page, guidance_index):
    client.get(page.url, RENDER)
    guidance_index.title = "Vejledninger om tilsyn"
    guidance_index.save_revision().publish()

    html = client.get(page.url, RENDER).content.decode()
    assert 'class="breadcrumbs__link">Vejledninger om tilsyn</a>' in html


def test_a_section_keeps_its_memory_until_something_is_published(client, page, guidance_index):
    """What is kept is kept: a change that bypasses publishing shows only after a publication."""
    client.get(page.url, RENDER)
    GuidanceIndexPage.objects.filter(pk=guidance_index.pk).update(title="Uden om redaktionen")
    Page.objects.filter(pk=guidance_index.pk).update(title="Uden om redaktionen")
    assert "Uden om redaktionen" not in client.get(page.url, RENDER).content.decode()

    bump_content_generation()

    assert "Uden om redaktionen" in client.get(page.url, RENDER).content.decode()


def test_a_renamed_section_moves_its_pages_at_once(client, page, guidance_index):
    assert client.get("/vejledning/aarshjul/", RENDER).status_code == 200
    guidance_index.slug = "vejledninger"
    guidance_index.save_revision().publish()

    assert client.get("/vejledning/aarshjul/", RENDER).status_code == 404
    assert client.get("/vejledninger/aarshjul/", RENDER).status_code == 200


def test_a_section_made_private_closes_its_pages_at_once(client, page, guidance_index):
    assert client.get(page.url, RENDER).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=guidance_index, restriction_type=PageViewRestriction.LOGIN
    )

    response = client.get(page.url, RENDER)
    assert response.status_code == 302
    assert response.url.startswith("/konto/login/")

    restriction.delete()
    assert client.get(page.url, RENDER).status_code == 200


def test_the_groups_of_a_restriction_count_as_soon_as_they_change(
    client, page, guidance_index, member, login
):
    readers = Group.objects.create(name="Læsere af vejledning")
    restriction = PageViewRestriction.objects.create(
        page=guidance_index, restriction_type=PageViewRestriction.GROUPS
    )
    login(client, member)
    assert client.get(page.url, RENDER).status_code == 302

    restriction.groups.add(readers)
    member.groups.add(readers)

    assert client.get(page.url, RENDER).status_code == 200


def test_an_alias_keeps_the_restrictions_of_its_source(client, page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    alias = page.create_alias(update_slug="aarshjul-kopi")
    assert alias.alias_of_id == page.pk and alias.live

    assert client.get("/vejledning/aarshjul-kopi/", RENDER).status_code == 302


def test_a_new_site_root_shows_at_once(client, page, guidance_index):
    assert client.get("/aarshjul/", RENDER).status_code == 404
    site = Site.objects.get(is_default_site=True)
    site.root_page = guidance_index
    site.save()

    assert client.get("/aarshjul/", RENDER).status_code == 200
    assert client.get("/vejledning/aarshjul/", RENDER).status_code == 404


def test_a_lost_generation_never_comes_back(page):
    """Processes compare the generation with what they keep: a cache that lost it (restarted,
    cleared) must not hand out an earlier generation again."""
    before = content_generation()
    bump_content_generation()
    cache.clear()

    assert content_generation() not in (before, before + 1)


def test_a_change_is_set_aside_again_when_it_commits(django_capture_on_commit_callbacks):
    before = content_generation()
    with django_capture_on_commit_callbacks(execute=True):
        bump_content_generation()
        during = content_generation()

    assert before < during < content_generation()
