"""What a search asks of the database: a repeated query loads only the results shown, a
count that finds nothing gives up after the loosest query (on PostgreSQL, counts every relaxed
query in one), and the tabs only counted are counted in one query."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from portal.search.query import count, count_each, search

pytestmark = [pytest.mark.django_db, pytest.mark.page_tree_once("guidance_index")]


def ids_loaded(captured):
    """The ids of every `id IN (...)` lookup of the captured queries."""
    found = set()
    for sql in (q["sql"] for q in captured.captured_queries):
        for listed in re.findall(r'"id" IN \(([^)]*)\)', sql):
            found |= {int(pk) for pk in listed.split(",")}
    return found


def test_a_repeated_query_loads_only_the_results_asked_for(make_guidance_page):
    pages = [make_guidance_page(f"Styringsdialog {n}", text="Budget.") for n in range(5)]
    first = search(Page.objects.live(), "styringsdialog")
    shown = [page.pk for page in first.results[:2]]

    with CaptureQueriesContext(connection) as captured:
        again = search(Page.objects.live(), "styringsdialog")
        assert [page.pk for page in again.results[:2]] == shown

    assert len(captured) == 1
    assert ids_loaded(captured) == set(shown)
    assert again.count == len(pages)


def test_a_cached_result_no_longer_there_is_left_out(make_guidance_page):
    kept = make_guidance_page("Styringsdialog i praksis", text="Budget.")
    gone = make_guidance_page("Styringsdialog", text="Budget.")
    search(Page.objects.live(), "styringsdialog")
    Page.objects.filter(pk=gone.pk).update(live=False)  # no signal: the cached answer stays

    assert [page.pk for page in search(Page.objects.live(), "styringsdialog").results] == [kept.pk]


def test_a_count_that_finds_nothing_stops_after_the_loosest_query(make_guidance_page):
    make_guidance_page("Udlejning", text="Anvisning.")

    with CaptureQueriesContext(connection) as captured:
        assert count(Page.objects.live(), "kloakering tagrender fundament") == 0

    searches = [q for q in captured.captured_queries if "indexentry" in q["sql"].lower()]
    assert len(searches) == 2  # all three words, then any one of them


def test_a_count_relaxed_as_the_search_is(make_guidance_page):
    make_guidance_page("Udlejning", text="Anvisning og venteliste.")
    make_guidance_page("Anvisning", text="Kommunal anvisning.")

    outcome = search(Page.objects.live(), "anvisning venteliste tagrender")

    assert count(Page.objects.live(), "anvisning venteliste tagrender") == outcome.count == 1


def test_a_relaxed_count_asks_the_loosest_query_once(make_guidance_page):
    make_guidance_page("Udlejning", text="Anvisning.")

    with CaptureQueriesContext(connection) as captured:
        assert count(Page.objects.live(), "anvisning tagrender fundament") == 1

    searches = [q for q in captured.captured_queries if "indexentry" in q["sql"].lower()]
    if connection.vendor == "postgresql":
        assert len(searches) == 2  # all three words, then any two and any one together
    else:
        assert len(searches) == 3  # all three words, any one of them, then any two


def test_several_querysets_are_counted_in_one_query(make_guidance_page):
    make_guidance_page("Styringsdialog", text="Budget.")
    make_guidance_page("Budget", text="Styringsdialog om budgettet.")
    querysets = [
        Page.objects.live(),
        Page.objects.live().filter(title="Budget"),
        Page.objects.none(),
    ]

    with CaptureQueriesContext(connection) as captured:
        found = count_each(querysets, "styringsdialog")

    searches = [q for q in captured.captured_queries if "indexentry" in q["sql"].lower()]
    assert len(searches) == 1
    assert found == [2, 1, 0]


@pytest.mark.parametrize(
    "text", ["styringsdialog", "anvisning tagrender", "styringsdialog -budget", "kloakering"]
)
def test_counted_together_as_apart(make_guidance_page, text):
    make_guidance_page("Styringsdialog", text="Budget.")
    make_guidance_page("Anvisning", text="Styringsdialog om anvisning.")
    querysets = [Page.objects.live(), Page.objects.live().filter(title="Anvisning")]

    apart = [count(queryset, text) for queryset in querysets]
    cache.clear()

    assert count_each(querysets, text) == apart
