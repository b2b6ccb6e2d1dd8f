"""A guidance page costs the same few queries however many blocks and related pages it has."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = [pytest.mark.django_db, pytest.mark.page_tree_once("guidance_index")]

# Anonymous render that misses the page cache, with the per-generation menu and footer warm.
MAX_QUERIES = 10
# A cold cache (just after a publish) adds what routing keeps in memory (site, sections, view
# restrictions), the menu (2), the footer and the article's topics.
MAX_QUERIES_COLD = MAX_QUERIES + 4


@pytest.fixture
def make_page(make_guidance_page, full_guidance_body, topic, other_topic):
    def make(block_count, related_count):
        related = [make_guidance_page(f"Relateret {n}") for n in range(related_count)]
        full = full_guidance_body(related)
        related_block, other_blocks = full[-1], full[:-1]
        documents_block = next(b for b in other_blocks if b[0] == "documents")
        body = [documents_block, related_block]
        while len(body) < block_count:
            body.insert(1, other_blocks[len(body) % len(other_blocks)])
        assert len(body) == block_count
        return make_guidance_page(
            f"Side med {block_count} blokke", body=body, topics=[topic, other_topic]
        )

    return make


def count_queries(client, url):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context), response


@pytest.mark.parametrize(("blocks", "related"), [(20, 5), (2, 1)])
def test_uncached_guidance_page_renders_in_few_queries(
    client, make_page, django_assert_max_num_queries, blocks, related
):
    page = make_page(blocks, related)
    client.get(page.url)  # fills the per-generation menu and footer, and the page cache

    with django_assert_max_num_queries(MAX_QUERIES):
        # A query string bypasses the page cache: the page itself renders afresh.
        response = client.get(page.url, {"utm_source": "nyhedsbrev"})

    html = response.content.decode()
    assert html.count('class="function-link">Relateret') == related
    assert "Styringsdialog" in html and "Økonomi" in html  # topic links
    assert 'class="breadcrumbs__link">Vejledning</a>' in html


def test_query_count_does_not_grow_with_blocks_or_related_pages(client, make_page):
    small, large = make_page(2, 1), make_page(20, 5)
    for page in (small, large):
        client.get(page.url)  # also renders each body once into the fragment cache

    warm = [count_queries(client, f"{p.url}?utm_source=x")[0] for p in (small, large)]
    cold = []
    for page in (small, large):
        cache.clear()
        cold.append(count_queries(client, page.url)[0])

    assert warm[0] == warm[1] <= MAX_QUERIES
    assert cold[0] == cold[1] <= MAX_QUERIES_COLD


def test_guidance_index_and_topic_pages_do_not_grow_with_pages(
    client, guidance_index, make_guidance_page, topic, django_assert_max_num_queries
):
    for n in range(15):
        make_guidance_page(f"Vejledning {n}", topics=[topic])
    topic_url = f"{guidance_index.url}emne/{topic.slug}/"
    client.get(guidance_index.url)

    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(guidance_index.url, {"x": 1}).status_code == 200
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(topic_url, {"x": 1})
    assert response.content.decode().count('<h2 class="h3">') == 15


def test_news_index_does_not_grow_with_news(
    client, news_index, make_news_page, django_assert_max_num_queries
):
    for n in range(12):
        make_news_page(f"Nyhed {n}")
    client.get(news_index.url)

    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(news_index.url, {"side": 2}).status_code == 200


def test_search_results_do_not_grow_with_results(
    client, make_guidance_page, django_assert_max_num_queries
):
    for n in range(10):
        make_guidance_page(f"Vejledning {n}", text="Styringsdialog.", summary="Styringsdialog.")
    client.get("/soeg/", {"q": "budget"})  # Django caches content types once per process

    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get("/soeg/", {"q": "styringsdialog"})
    assert response.content.decode().count("<mark>") == 20  # each title and each snippet
