"""The search page: stemming on PostgreSQL, only live public pages, filters, paging, excerpts."""

import pytest
from django.db import connection
from django.urls import reverse

from guidance.models import Topic
from portal.search.highlight import highlight

pytestmark = [pytest.mark.django_db, pytest.mark.page_tree_once("guidance_index")]

SEARCH_URL = reverse("search")


def result_titles(response):
    return [hit.title for hit in response.context["results_page"]]


def search(client, **params):
    response = client.get(SEARCH_URL, params)
    assert response.status_code == 200
    return response


def test_exact_word_finds_the_page(client, make_guidance_page):
    make_guidance_page("Styringsdialogens årshjul", text="Mødet om tilsyn holdes hvert forår.")
    make_guidance_page("Udlejning", text="Ventelister og anvisning.")

    response = search(client, q="forår")

    assert result_titles(response) == ["Styringsdialogens årshjul"]


def test_pages_with_every_query_word_are_found_alone(client, make_guidance_page):
    make_guidance_page("Årshjul", text="Mødet om tilsyn holdes hvert forår.")
    make_guidance_page("Tilsyn", text="Kommunen fører tilsyn.")

    response = search(client, q="tilsyn forår")

    assert result_titles(response) == ["Årshjul"]
    assert response.context["results_page"].outcome.relaxed is None


def test_when_no_page_has_every_word_pages_with_some_are_shown_and_said(client, make_guidance_page):
    make_guidance_page("Årshjul", text="Mødet om tilsyn holdes hvert forår.")

    response = search(client, q="tilsyn efterår")

    assert result_titles(response) == ["Årshjul"]
    assert "Ingen sider indeholdt alle ordene" in response.content.decode()


@pytest.mark.parametrize(
    ("inflected", "stem", "text"),
    [
        ("tilsynet", "tilsyn", "Kommunen fører tilsyn med afdelingerne."),
        ("boligorganisationerne", "boligorganisation", "Hver boligorganisation holder møde."),
    ],
)
def test_inflected_word_finds_its_stem_on_postgresql(
    client, make_guidance_page, inflected, stem, text
):
    # SQLite has no Danish stemmer: there the word as written must be found.
    query = inflected if connection.vendor == "postgresql" else stem
    make_guidance_page("Side med grundformen", text=text)
    make_guidance_page("Anden side", text="Ventelister og anvisning.")

    assert result_titles(search(client, q=query)) == ["Side med grundformen"]


def test_stemming_is_danish_not_prefix_matching(client, make_guidance_page):
    """'tilsynet' must not match 'tilsynsførende' merely because it starts the same way."""
    make_guidance_page("Tilsynsførende", text="Den tilsynsførende kommune.")

    assert result_titles(search(client, q="tilsynet")) == []


def test_drafts_are_never_found(client, make_guidance_page):
    make_guidance_page("Offentlig side", text="Styringsdialog i kommunen.")
    make_guidance_page("Kladde", text="Styringsdialog i kladden.", live=False)

    assert result_titles(search(client, q="styringsdialog")) == ["Offentlig side"]


def test_unpublished_pages_are_no_longer_found(client, make_guidance_page):
    page = make_guidance_page("Trukket tilbage", text="Styringsdialog.")
    assert result_titles(search(client, q="styringsdialog")) == ["Trukket tilbage"]

    page.unpublish()

    assert result_titles(search(client, q="styringsdialog")) == []


def test_private_pages_are_never_found(client, make_guidance_page, make_news_page, make_private):
    make_guidance_page("Offentlig side", text="Styringsdialog i kommunen.")
    make_private(make_guidance_page("Kun for medlemmer", text="Styringsdialog internt."))
    make_private(make_news_page("Intern nyhed", text="Styringsdialog internt."))

    assert result_titles(search(client, q="styringsdialog")) == ["Offentlig side"]


def test_pages_below_a_private_page_are_never_found(
    client, guidance_index, make_guidance_page, make_private
):
    make_guidance_page("Under privat oversigt", text="Styringsdialog.")
    make_private(guidance_index)

    assert result_titles(search(client, q="styringsdialog")) == []


def test_filter_by_type(client, make_guidance_page, make_news_page, make_publication_page):
    make_guidance_page("Vejledning om budget", text="Budget og regnskab.")
    make_news_page("Nyhed om budget", text="Budget og regnskab.")
    make_publication_page("Analyse om budget", summary="Budget og regnskab.")

    assert result_titles(search(client, q="budget", type="nyhed")) == ["Nyhed om budget"]
    assert result_titles(search(client, q="budget", type="publikation")) == ["Analyse om budget"]
    assert len(result_titles(search(client, q="budget"))) == 3


def test_every_tab_counts_its_results(client, make_guidance_page, make_news_page):
    make_guidance_page("Vejledning om budget", text="Budget og regnskab.")
    make_news_page("Nyhed om budget", text="Budget.")
    make_news_page("Anden nyhed om budget", text="Budget.")

    facets = search(client, q="budget").context["answer"].facets

    counts = {facet.key: facet.count for facet in facets}
    assert counts["alle"] == 3
    assert counts["vejledning"] == 1
    assert counts["nyhed"] == 2
    assert "netvaerk" not in counts  # anonymous readers read no network
    assert "organisation" not in counts


def test_other_tabs_count_the_query_as_typed_when_the_results_find_it(client, make_guidance_page):
    make_guidance_page("Anvisning", text="Venteliste og anvisning.")
    Topic.objects.create(name="Anvisningsregler", slug="anvisningsregler", description="Anvisning.")

    as_typed = search(client, q="anvisning venteliste").context["answer"]
    relaxed = search(client, q="anvisning kloakering").context["answer"]

    assert {f.key: f.count for f in as_typed.facets}["emne"] == 0
    assert as_typed.outcome.relaxed is None
    assert {f.key: f.count for f in relaxed.facets}["emne"] == 1  # relaxed, as the pages were
    assert relaxed.outcome.relaxed is not None


def test_filter_by_topic(client, make_guidance_page, make_news_page, topic, other_topic):
    make_guidance_page("Om styringsdialog", text="Budget.", topics=[topic])
    make_guidance_page("Om økonomi", text="Budget.", topics=[other_topic])
    make_news_page("Nyhed", text="Budget.")

    response = search(client, q="budget", topic=topic.slug)

    assert result_titles(response) == ["Om styringsdialog"]
    assert "Nyheder" in response.context["answer"].set_aside
    assert "vises ikke, mens et emne er valgt" in response.content.decode()


def test_results_are_paginated(client, make_guidance_page):
    for number in range(12):
        make_guidance_page(f"Side {number:02}", text="Styringsdialog.")

    first = search(client, q="styringsdialog")
    second = search(client, q="styringsdialog", side=2)

    assert len(result_titles(first)) == 10
    assert len(result_titles(second)) == 2
    assert set(result_titles(first)).isdisjoint(result_titles(second))
    assert first.context["results_page"].paginator.count == 12
    # The link to the next page keeps the query.
    assert "?q=styringsdialog&amp;side=2" in first.content.decode()


def test_nonsense_page_numbers_give_a_valid_page(client, make_guidance_page):
    make_guidance_page("Eneste side", text="Styringsdialog.")

    assert result_titles(search(client, q="styringsdialog", side="abc")) == ["Eneste side"]
    assert result_titles(search(client, q="styringsdialog", side=99)) == ["Eneste side"]


def test_excerpt_marks_matching_words_and_escapes_html(client, make_guidance_page):
    make_guidance_page(
        "Årshjul",
        text="Styringsdialog.",
        summary="Tilsynet <script>alert(1)</script> planlægger styringsdialogen.",
    )

    html = search(client, q="styringsdialog").content.decode()

    assert "<mark>styringsdialogen</mark>" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html


def test_highlight_marks_words_sharing_a_stem():
    assert highlight("Tilsyn og tilsynets rolle", "tilsynet") == (
        "<mark>Tilsyn</mark> og <mark>tilsynets</mark> rolle"
    )
    assert highlight("<b>fed</b>", "fed") == "&lt;b&gt;<mark>fed</mark>&lt;/b&gt;"
    assert highlight("Ingen træf", "") == "Ingen træf"


def test_empty_query_shows_the_form_without_results(client, make_guidance_page):
    make_guidance_page("Side", text="Styringsdialog.")

    for params in ({}, {"q": ""}, {"q": "   "}):
        response = search(client, **params)
        assert response.context["results_page"] is None
        assert 'id="results-heading"' not in response.content.decode()


def test_overlong_query_is_refused_with_a_message(client, make_guidance_page):
    make_guidance_page("Side", text="Styringsdialog.")

    response = search(client, q="styringsdialog " * 20)

    assert response.context["results_page"] is None
    assert response.context["form"].errors["q"]
    assert "form-error-message" in response.content.decode()


def test_query_syntax_around_words_is_ignored(client, make_guidance_page):
    make_guidance_page("Side", text="Styringsdialog og budget.")

    assert result_titles(search(client, q='"styringsdialog" & (budget)')) == ["Side"]
    assert result_titles(search(client, q='"')) == []


@pytest.mark.parametrize("query", ['"', "(", "a & b | !c", "tilsyn:*", "'; drop table", "ø"])
def test_odd_queries_do_not_fail(client, make_guidance_page, query):
    make_guidance_page("Side", text="Styringsdialog.")

    response = search(client, q=query)

    assert response.context["results_page"] is not None


def test_results_are_cached_until_content_is_published(client, make_guidance_page):
    make_guidance_page("Tilsyn med udlejning", text="Anvisning og udlejning.")
    first = client.get("/soeg/", {"q": "udlejning"}).content.decode()
    assert "1 resultat" in first

    make_guidance_page("Udlejning i praksis", text="Mere om udlejning.")
    second = client.get("/soeg/", {"q": "udlejning"}).content.decode()

    assert "2 resultater" in second, "publishing makes the cached results stale"


def test_a_cached_search_asks_the_search_backend_nothing(
    client, make_guidance_page, django_assert_max_num_queries
):
    make_guidance_page("Tilsyn med udlejning", text="Anvisning og udlejning.")
    client.get("/soeg/", {"q": "udlejning"})

    # One more than the page itself: the query found little, so it is counted for the editors.
    with django_assert_max_num_queries(7) as captured:
        client.get("/soeg/", {"q": "udlejning"})

    assert not any("indexentry" in q["sql"] for q in captured.captured_queries)


def test_results_for_a_corrected_query_are_highlighted_for_the_corrected_words(
    client, make_guidance_page
):
    make_guidance_page("Dispositionsfonden", text="Dispositionsfonden dækker tab ved ledighed.")

    answers = [search(client, q="dispositonsfonden").content.decode() for _again in range(2)]

    for answer in answers:  # searched, then from the kept answer
        assert "<mark>Dispositionsfonden</mark> dækker tab" in answer
