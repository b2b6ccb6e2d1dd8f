"""The pipeline on real pages: stems and compounds on every backend, synonyms editors change,
relaxation with "Mente du", the title ahead of the body, exclusions, and only the queryset."""

import pytest
from wagtail.models import Page

from guidance.models import GuidancePage
from portal.search.models import PromotedResult, SearchSynonym
from portal.search.query import RELAXED_SOME_WORDS, RELAXED_SPELLING, search

pytestmark = [pytest.mark.django_db, pytest.mark.page_tree_once("guidance_index")]


def titles(text, queryset=None):
    return [page.title for page in search(queryset or Page.objects.live(), text).results]


def test_an_inflected_word_finds_its_base_form_on_every_backend(make_guidance_page):
    make_guidance_page("Årsregnskab", text="Boligorganisationen indsender regnskab.")

    assert titles("regnskaberne") == ["Årsregnskab"]
    assert titles("boligorganisationerne") == ["Årsregnskab"]


def test_a_compound_finds_pages_with_its_parts_and_its_parts_find_it(make_guidance_page):
    make_guidance_page("Satser", text="Det årlige bidrag til dispositionsfonden.")
    make_guidance_page("Nyt bidrag", text="Dispositionsfondsbidraget stiger.")

    assert sorted(titles("dispositionsfondsbidrag")) == ["Nyt bidrag", "Satser"]
    assert "Nyt bidrag" in titles("bidrag dispositionsfond")


def test_an_exact_title_outranks_pages_that_only_mention_it(make_guidance_page, make_news_page):
    for number in range(3):
        make_news_page(f"Nyhed {number}", text="Handlepligt, handlepligt og handlepligt.")
    make_guidance_page("Kommunens handlepligt", text="Når kommunen skal handle.")

    assert titles("kommunens handlepligt")[0] == "Kommunens handlepligt"


def test_title_ranking_can_be_switched_off(make_guidance_page):
    make_guidance_page("Handlepligt", text="Kort.")
    make_guidance_page("Andet", text="Handlepligt handlepligt handlepligt handlepligt.")

    outcome = search(Page.objects.live(), "handlepligt", boost_title=False)

    assert outcome.count == 2


def test_newest_first_orders_by_the_date_field(make_guidance_page):
    older = make_guidance_page("Ældre om tilsyn", text="Tilsyn.")
    newer = make_guidance_page("Nyere om tilsyn", text="Tilsyn.")
    Page.objects.filter(pk=older.pk).update(first_published_at="2020-01-01T00:00Z")

    outcome = search(Page.objects.live(), "tilsyn", newest_first_by="first_published_at")

    assert [p.pk for p in outcome.results] == [newer.pk, older.pk]


def test_an_editors_synonym_works_at_once_and_stops_when_deleted(make_guidance_page):
    make_guidance_page("Landsbyggefonden", text="Fonden støtter renoveringer.")
    assert titles("LBFX") == []

    synonym = SearchSynonym.objects.create(terms="LBFX", alternatives="Landsbyggefonden")
    assert titles("LBFX") == ["Landsbyggefonden"]

    synonym.delete()
    assert titles("LBFX") == []


def test_a_one_way_synonym_does_not_work_backwards(make_guidance_page):
    make_guidance_page("Boligselskab", text="Et boligselskab.")
    make_guidance_page("Boligorganisation", text="En boligorganisation.")
    SearchSynonym.objects.create(
        terms="boligselskab", alternatives="boligorganisation", both_ways=False
    )

    assert sorted(titles("boligselskab")) == ["Boligorganisation", "Boligselskab"]
    assert titles("boligorganisation") == ["Boligorganisation"]


def test_a_phrase_synonym_replaces_the_lay_words(make_guidance_page):
    make_guidance_page("Tomgang", text="Ledige boliger koster huslejeindtægt.")
    SearchSynonym.objects.create(terms="tomme lejligheder", alternatives="ledige boliger")

    assert titles("tomme lejligheder") == ["Tomgang"]


def test_a_misspelt_word_is_corrected_from_the_vocabulary(make_guidance_page):
    make_guidance_page("Dispositionsfonden", text="Dispositionsfonden dækker tab.")

    outcome = search(Page.objects.live(), "dispositonsfonden")

    assert [p.title for p in outcome.results] == ["Dispositionsfonden"]
    assert outcome.suggestion == "dispositionsfonden"
    assert outcome.relaxed == RELAXED_SPELLING


def test_two_known_words_run_together_are_searched_apart(make_guidance_page):
    make_guidance_page("Energi", text="Et anlæg med en solcelle på taget.")

    outcome = search(Page.objects.live(), "solcelleanlæg")

    assert [p.title for p in outcome.results] == ["Energi"]
    assert outcome.suggestion == "solcelle anlæg"


def test_without_a_page_holding_every_word_pages_with_most_of_them_are_found(
    make_guidance_page,
):
    make_guidance_page("Regnskab", text="Regnskabet indberettes til fonden.")

    outcome = search(Page.objects.live(), "regnskab fonden solsikke")

    assert [p.title for p in outcome.results] == ["Regnskab"]
    assert outcome.relaxed == RELAXED_SOME_WORDS
    assert outcome.suggestion is None


def test_excluded_words_and_or_are_obeyed(make_guidance_page):
    make_guidance_page("Regnskabsfrister", text="Regnskab og frister.")
    make_guidance_page("Regnskab", text="Regnskab og revision.")
    make_guidance_page("Tomgang", text="Ledige boliger.")

    assert titles("regnskab -frister") == ["Regnskab"]
    assert sorted(titles("revision OR tomgang")) == ["Regnskab", "Tomgang"]
    assert titles('"regnskab og revision"') == ["Regnskab"]


def test_only_the_given_queryset_is_searched_and_corrected_from(make_guidance_page):
    secret = make_guidance_page("Hemmelighedsfuld", text="Hemmelighedsfuld plan.")
    make_guidance_page("Offentlig", text="Offentlig plan.")
    visible = Page.objects.live().exclude(pk=secret.pk)

    assert search(visible, "hemmelighedsfuld").count == 0
    outcome = search(visible, "hemmelihedsfuld")
    assert outcome.count == 0
    assert outcome.suggestion is None


def test_recommended_pages_for_a_query_are_offered_when_the_reader_may_see_them(
    make_guidance_page,
):
    page = make_guidance_page("Reaktionstrappen", text="Fra dialog til administrator.")
    other = make_guidance_page("Andet", text="Noget andet.")
    PromotedResult.objects.create(queries="sanktioner, påbud", page=page)

    assert [p.pk for p in search(Page.objects.live(), "Sanktionerne").promoted] == [page.pk]
    assert search(Page.objects.live().exclude(pk=page.pk), "sanktioner").promoted == []
    assert search(GuidancePage.objects.filter(pk=other.pk), "sanktioner").promoted == []


def test_results_slice_past_the_ranked_candidates_in_the_backends_order(
    make_guidance_page, monkeypatch
):
    from portal.search import query

    monkeypatch.setattr(query, "CANDIDATES", 3)
    for number in range(6):
        make_guidance_page(f"Side {number}", text="Styringsdialog.")

    outcome = search(Page.objects.live(), "styringsdialog")
    every = list(outcome.results)

    assert outcome.count == len(every) == 6
    assert len({p.pk for p in every}) == 6
    assert outcome.results[2:5] == every[2:5]
