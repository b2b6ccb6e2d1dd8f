"""On PostgreSQL a search's ranked candidates and its counts per type come from one SQL query
(`portal.search.database.ranked_and_counted`), the same as ranking and counting apart."""

from collections import Counter

import page_tree
import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from guidance.models import GuidancePage, NewsPage
from portal.search import database, query

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="one query of PostgreSQL's backend; CI runs it"
    ),
]


@pytest.fixture(scope="module")
def module_pages(module_transaction):
    """55 guidance pages and 3 news pages, built once for the module."""
    home = page_tree.make_home()
    guidance_index, news_index = page_tree.guidance_index(home), page_tree.news_index(home)
    for n in range(55):
        words = "budget revision" if n % 3 else "budget"
        page_tree.make_guidance_page(
            guidance_index, f"Vejledning {n} om budget", text=f"{words} afdeling {n}"
        )
    for n in range(3):
        page_tree.make_news_page(news_index, f"Nyhed {n}", text="budget revision i afdelingen")


@pytest.fixture
def pages(module_pages, db):
    return Page.objects.live().type(GuidancePage, NewsPage)


def apart(monkeypatch, pages, text):
    monkeypatch.setattr(database, "ranked_and_counted", lambda *args, **kwargs: None)
    found = query.search(pages, text, count_by="content_type_id")
    monkeypatch.undo()
    return found


def test_ranked_and_counted_at_once_as_apart(pages, monkeypatch):
    separate = apart(monkeypatch, pages, "budget revision")
    cache.clear()  # the answer apart is kept
    with CaptureQueriesContext(connection) as queries:
        together = query.search(pages, "budget revision", count_by="content_type_id")
    matching = [q["sql"] for q in queries if "@@" in q["sql"]]

    assert len(matching) == 1  # ranked and counted in one
    assert together.results.head == separate.results.head
    assert together.count == separate.count == 39  # 36 guidance pages and 3 news
    guidance, news = (
        ContentType.objects.get_for_model(GuidancePage),
        ContentType.objects.get_for_model(NewsPage),
    )
    assert together.by == separate.by == Counter({guidance.pk: 36, news.pk: 3})


def test_a_later_page_of_results_is_in_the_backends_order(pages):
    backend_query = query._query(query._units(query.parse("budget").units), ())
    rows, count = database.ranked_and_counted(
        "default", pages, backend_query, 50, 60, ["pk", "title"]
    )
    backends_order = get_search_backend().search(backend_query, pages)[50:60]

    assert count == 58
    assert len(rows) == 8
    assert [row[0] for row in rows] == [page.pk for page in backends_order]
