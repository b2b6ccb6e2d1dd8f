"""PostgreSQL can answer the search backend's match from the GIN index on `title || body`
(portal_search migration 0004), instead of probing every object's index entry."""

import re

import pytest
from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="full-text indexes are PostgreSQL's; CI runs it"
    ),
]

MATCH = re.compile(
    r"(\(\"wagtailsearch_indexentry\"\.\S+ \|\| \"wagtailsearch_indexentry\"\.\S+\)) @@"
)


def test_the_backends_match_is_answered_by_the_vector_index(make_guidance_page):
    make_guidance_page("Dispositionsfonden", text="Fondens midler.")
    results = get_search_backend().search("dispositionsfonden", Page.objects.live())
    vector = MATCH.search(str(results.get_queryset().query)).group(1)

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(
            f"EXPLAIN SELECT 1 FROM wagtailsearch_indexentry WHERE {vector} @@ "
            "to_tsquery('danish', 'dispositionsfond')"
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "portal_search_entry_vector_gin" in plan
    assert list(results) == [Page.objects.get(title="Dispositionsfonden")]


def test_an_object_is_found_from_its_entry_by_an_index_lookup():
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN SELECT 1 FROM wagtailcore_page WHERE (id)::varchar(50) = '3'")
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "wagtailcore_page_text_id_idx" in plan


def test_a_match_is_ranked_once_per_vector(make_guidance_page):
    results = get_search_backend().search(
        "anvisning venteliste dispositionsfond", Page.objects.live()
    )

    assert str(results.get_queryset().query).count("ts_rank(") == 2  # title and body


def test_the_matched_vector_is_filtered_by_but_not_selected(make_guidance_page):
    page = make_guidance_page("Dispositionsfonden", text="Fondens midler.")
    results = get_search_backend().search("dispositionsfonden", Page.objects.live())
    select = str(results.get_queryset().query).split(" FROM ")[0]

    assert "wagtailsearch_indexentry" not in select  # selected, it unpacked every match's body
    assert [found.pk for found in results] == [page.pk]
