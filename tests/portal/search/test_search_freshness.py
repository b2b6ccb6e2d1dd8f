"""Never stale: what is published, edited or deleted is searched as such at once, without the
background worker, and a cached answer never outlives the index it came from."""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page

from portal.search import autoindex, query
from portal.search.query import search

pytestmark = [pytest.mark.django_db, pytest.mark.page_tree_once("guidance_index")]

# Tasks queued here never run: what is found was indexed when it was saved.
NO_WORKER = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def titles(text):
    return [page.title for page in search(Page.objects.live(), text).results]


@override_settings(TASKS=NO_WORKER)
def test_a_published_page_is_found_without_the_background_worker(make_guidance_page):
    make_guidance_page("Udlejning", text="Anvisning og fleksibel udlejning.")

    assert titles("anvisning") == ["Udlejning"]


@override_settings(TASKS=NO_WORKER)
def test_an_edited_page_is_found_by_its_new_words_only(make_guidance_page):
    page = make_guidance_page("Udlejning", text="Anvisning.")
    assert titles("anvisning") == ["Udlejning"]

    page.title = "Fleksibel udlejning"
    page.body = [("paragraph", "<p>Kombineret udlejning.</p>")]
    page.save_revision().publish()

    assert titles("kombineret") == ["Fleksibel udlejning"]
    assert titles("anvisning") == []


def test_a_deleted_page_is_no_longer_found(make_guidance_page):
    page = make_guidance_page("Udlejning", text="Anvisning.")
    assert titles("anvisning") == ["Udlejning"]

    page.delete()

    assert titles("anvisning") == []


def test_a_cached_answer_is_set_aside_when_content_is_published(make_guidance_page):
    make_guidance_page("Udlejning", text="Anvisning.")
    assert titles("anvisning") == ["Udlejning"]

    make_guidance_page("Anvisning i praksis", text="Mere om anvisning.")

    assert sorted(titles("anvisning")) == ["Anvisning i praksis", "Udlejning"]


def test_a_page_of_a_bulk_load_is_found_after_the_reindex_not_from_the_cache(make_guidance_page):
    """`load_demo`'s way: saves unindexed, then `search_reindex`, which sets cached answers aside."""
    make_guidance_page("Udlejning", text="Anvisning.")
    assert titles("anvisning") == ["Udlejning"]
    with autoindex.saves_not_indexed():
        make_guidance_page("Anvisning i praksis", text="Mere om anvisning.")
    assert titles("praksis") == []

    call_command("search_reindex", verbosity=0, stdout=io.StringIO())

    assert sorted(titles("anvisning")) == ["Anvisning i praksis", "Udlejning"]


def test_a_repeated_query_is_answered_from_the_cache(
    make_guidance_page, django_assert_max_num_queries
):
    make_guidance_page("Udlejning", text="Anvisning.")
    titles("anvisning")

    with django_assert_max_num_queries(1) as captured:  # the cached ids, as objects
        assert titles("anvisning") == ["Udlejning"]
    assert not any("indexentry" in q["sql"].lower() for q in captured.captured_queries)


def test_an_empty_answer_is_never_cached(make_guidance_page):
    pages = Page.objects.live()
    assert search(pages, "anvisning").count == 0

    assert cache.get(query._cache_key(pages, "anvisning", True)) is None
