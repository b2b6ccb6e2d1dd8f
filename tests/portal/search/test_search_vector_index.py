"""PostgreSQL answers the search backend's match from the GIN index on (content type,
`title || body`), the vector built by `portal_search_document` (portal_search migrations 0007
and 0008), instead of probing every object's index entry or building the vector row by row; a
search of one type reads only that type's entries; the body vector ranked for every match is
read from the entry's row, not from TOAST storage."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from network.models import Thread

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="full-text indexes are PostgreSQL's; CI runs it"
    ),
]

MATCH = re.compile(
    r"(portal_search_document\(\"wagtailsearch_indexentry\"\.\S+, "
    r"\"wagtailsearch_indexentry\"\.\S+\)) @@"
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

    assert "portal_search_entry_type_document_gin" in plan
    assert list(results) == [Page.objects.get(title="Dispositionsfonden")]


def test_a_search_of_one_type_reads_only_that_types_entries():
    page_type, thread_type = (ContentType.objects.get_for_model(m).pk for m in (Page, Thread))
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO wagtailsearch_indexentry (content_type_id, object_id, title_norm, "
            "autocomplete, title, body, title_text, body_text) "
            "SELECT CASE WHEN n %% 3 = 0 THEN %s ELSE %s END, n::text, 1, '', '', "
            "to_tsvector('danish', CASE WHEN n %% 20 = 0 THEN 'dispositionsfonden' ELSE "
            "'budget' END), '', '' FROM generate_series(1, 3000) n",
            [thread_type, page_type],
        )
        cursor.execute("ANALYZE wagtailsearch_indexentry")
        cursor.execute(
            "EXPLAIN SELECT 1 FROM wagtailsearch_indexentry WHERE content_type_id = %s AND "
            "portal_search_document(title, body) @@ to_tsquery('danish', 'dispositionsfond')",
            [thread_type],
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "Bitmap Index Scan on portal_search_entry_type_document_gin" in plan
    assert "BitmapAnd" not in plan  # before, every type's matches, then intersected
    assert f"Index Cond: ((content_type_id = {thread_type})" in plan


def test_the_match_vector_costs_the_planner_more_than_an_index_lookup():
    with connection.cursor() as cursor:
        cursor.execute("SELECT procost FROM pg_proc WHERE proname = 'portal_search_document'")
        (cost,) = cursor.fetchone()

    assert cost >= 1000  # an operator's default of 1 made a row-by-row plan look cheapest


def test_the_body_vector_stays_in_the_entrys_row():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstorage FROM pg_attribute "
            "WHERE attrelid = 'wagtailsearch_indexentry'::regclass AND attname = 'body'"
        )
        (storage,) = cursor.fetchone()
        cursor.execute(
            "SELECT reloptions FROM pg_class WHERE oid = 'wagtailsearch_indexentry'::regclass"
        )
        (options,) = cursor.fetchone()

    assert storage == "m"  # MAIN: compressed in place before anything goes out of line
    assert "parallel_workers=0" in options


def test_a_long_bodys_vector_is_ranked_from_the_row_not_from_toast(make_guidance_page):
    text = " ".join(f"tilsynsord{n} afdeling budget" for n in range(60))
    page = make_guidance_page("Lang vejledning", text=text)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, pg_column_size(body), octet_length(body_text) "
            "FROM wagtailsearch_indexentry WHERE object_id = %s",
            [str(page.pk)],
        )
        entry, body, body_text = cursor.fetchone()

        def buffers(column):
            cursor.execute(
                f"EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) SELECT {column} "
                "FROM wagtailsearch_indexentry WHERE id = %s",
                [entry],
            )
            plan = cursor.fetchone()[0][0]["Plan"]
            return plan["Shared Hit Blocks"] + plan.get("Shared Read Blocks", 0)

        row = buffers("title_norm")
        ranked = buffers("ts_rank(body, to_tsquery('danish', 'budget'))")

    assert body + body_text > 2500  # more than a row holds before moving values out
    assert ranked == row


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
