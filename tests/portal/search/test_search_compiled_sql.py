"""A search's SQL is compiled once per queryset and shape of query (on PostgreSQL once for
every shape), and each search gets its own words and its own queryset's access filter in it
(portal/search/compiled.py)."""

import pytest
from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from portal.search import compiled, database, query

pytestmark = pytest.mark.django_db


def backend_query(text):
    parsed = query.parse(text)
    return query._query(query._units(parsed.units), parsed.excluded)


def counting(built):
    def build(backend, queryset, queries):
        built.append(queries)
        return database.count_sql()(backend, queryset, queries)

    return build


def direct(queryset, text):
    """The statement built for the words themselves, as without a kept one: its SQL and its
    parameters in any order (a backend may list content types from a set)."""
    backend = get_search_backend()
    return same(compiled._sql(database.count_sql()(backend, queryset, [backend_query(text)])))


def direct_statement(queryset, text):
    backend = get_search_backend()
    return compiled._sql(database.count_sql()(backend, queryset, [backend_query(text)]))


def found(statement):
    sql, params = statement
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def same(statement):
    sql, params = statement
    return sql, sorted(map(repr, params))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("budget revision", "anvisning kloakering"),
        ('"årlig budget" -revision', '"kommunal anvisning" -kloakering'),
        ("budget OR revision", "anvisning OR kloakering"),
    ],
)
def test_a_query_of_a_known_shape_gets_its_own_words_without_being_built(
    first, second, make_guidance_page
):
    make_guidance_page("Anvisning", text="Kommunal anvisning og kloakering.")
    make_guidance_page("Kommunal anvisning", text="Venteliste.")
    make_guidance_page("Anvisning og kloakering", text="Tagrender.")
    make_guidance_page("Budget", text="Revision.")
    pages, built = Page.objects.live(), []
    variant = f"test {first}"  # statements are kept per process: one variant per case
    compiled.statement("default", pages, [backend_query(first)], counting(built), variant)
    kept = compiled.statement("default", pages, [backend_query(second)], counting(built), variant)

    assert len(built) == 1  # the stand-ins' statement only
    assert found(kept) == found(direct_statement(pages, second))
    assert found(kept) != found(direct_statement(pages, first))
    if connection.vendor == "sqlite":
        assert same(kept) == direct(pages, second)


def test_every_shape_of_query_shares_one_statement_on_postgresql(make_guidance_page):
    if connection.vendor != "postgresql":
        pytest.skip("a single tsquery parameter is PostgreSQL's")
    make_guidance_page("Dispositionsfond", text="Bidrag til dispositionsfonden og revision.")
    make_guidance_page("Budget", text="Revision af budgettet.")
    pages, built = Page.objects.live(), []
    texts = ["budget", "dispositionsfondsbidrag -revision", "budget OR revision anvisning"]
    kept = [
        compiled.statement("default", pages, [backend_query(t)], counting(built), "every shape")
        for t in texts
    ]

    assert len(built) == 1
    assert [found(k) for k in kept] == [found(direct_statement(pages, t)) for t in texts]
    assert [found(k) for k in kept] == [[(1,)], [(0,)], [(0,)]]


def test_another_queryset_never_gets_a_statement_kept_for_one():
    everything = Page.objects.live()
    some = Page.objects.live().filter(title__startswith="Budget")
    compiled.statement("default", everything, [backend_query("budget")], counting([]), "test")

    own = compiled.statement("default", some, [backend_query("revision")], counting([]), "test")

    assert same(own) == direct(some, "revision")


def test_kept_statements_find_what_the_words_find(make_guidance_page):
    budget = make_guidance_page("Budget", text="Budgettet vedtages.")
    make_guidance_page("Anvisning", text="Kommunal anvisning.")
    for text, found in [
        ("budget", {budget.pk}),
        ("anvisning -kommunal", set()),
        ("tagrender", set()),
    ]:
        outcome = query.search(Page.objects.live(), text)
        assert {page.pk for page in outcome.results} == found


def test_rows_by_id_come_from_each_querysets_own_statement(make_guidance_page):
    budget = make_guidance_page("Budget", text="Budgettet vedtages.")
    revision = make_guidance_page("Revision", text="Revisionen.")
    ids = [budget.pk, revision.pk]
    budgets = Page.objects.live().filter(title__startswith="Budget")
    revisions = Page.objects.live().filter(title__startswith="Revision")

    assert compiled.in_bulk(budgets, ids) == {budget.pk: budget.page_ptr}
    assert compiled.in_bulk(revisions, ids) == {revision.pk: revision.page_ptr}
    assert compiled.in_bulk(budgets, [revision.pk, budget.pk]) == budgets.in_bulk(ids)
    assert compiled.in_bulk(budgets, []) == {}


def test_rows_by_id_are_compiled_once_per_queryset_and_number(make_guidance_page):
    first, second = make_guidance_page("Første"), make_guidance_page("Anden")
    pages = Page.objects.live().filter(title__in=["Første", "Anden"])
    compiled.in_bulk(compiled.kept_clone(pages), [first.pk])
    kept = len(compiled._kept)

    found = compiled.in_bulk(compiled.kept_clone(pages), [second.pk])

    assert [page.title for page in found.values()] == ["Anden"]
    assert len(compiled._kept) == kept  # the statement kept for one id was used again
