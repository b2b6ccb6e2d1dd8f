"""The database search backend, with one rank per vector on PostgreSQL.

Wagtail's PostgreSQL backend ranks a match by one `ts_rank` per word of the query and per
vector (title and body), ten calls a row for three words with a compound, and each call
unpacks the row's body vector again. A query of the benchmark's dense content matches thousands
of pages, and ranking them was nine tenths of the search's SQL. Here the whole query is ranked
once per vector; the title ranking of the pipeline (`portal/search/query.py`) then orders the
best candidates. The matched vector (`title || body`) is only filtered by, not selected: as a
column of the answer, PostgreSQL built it for every match, unpacking each body once more. It is
built by `portal_search_document` (migration 0007), whose GIN index answers the match: a cost
PostgreSQL knows keeps it from building the vector row by row instead.
On PostgreSQL, `counts` counts several queries in one SQL query. Other databases use Wagtail's
backend as it is.
"""

from collections import Counter

from django.contrib.postgres.search import SearchRank, SearchVectorField
from django.db import connection
from django.db.models import Count, F, Func, Value
from wagtail.search.backends import database, get_search_backend
from wagtail.search.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.search.query import Fuzzy, MatchAll, Not

from portal.search import compiled


class Document(Func):
    """An index entry's `title || body`, as its GIN index is built (migration 0007)."""

    function = "portal_search_document"
    output_field = SearchVectorField()


class RankedOnceQueryCompiler(PostgresSearchQueryCompiler):
    def _build_rank_expression(self, vectors, config):
        query = self.build_tsquery(self.query, config=config)
        ranks = [
            SearchRank(vector, query, weights=self.sql_weights) * boost for vector, boost in vectors
        ]
        rank = ranks[0]
        for other in ranks[1:]:
            rank += other
        return rank

    def search(self, config, start, stop, score_field=None, backend=None):
        if self.fields is not None or _answered_without_match(self.query):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        search_query = self.build_tsquery(self.query, config=config)
        rank = self._build_rank_expression(self.get_index_vectors(search_query), config)
        vector = Document(F("index_entries__title"), F("index_entries__body"))
        queryset = self.queryset.alias(_vector_=vector).filter(_vector_=search_query)
        return self._apply_ordering_and_scoring(queryset, rank, start, stop, score_field)


def _answered_without_match(query):
    """Queries Wagtail's compiler answers without the full-text match: everything, nothing,
    or fuzzy (by trigrams)."""
    return isinstance(query, MatchAll | Fuzzy) or (
        isinstance(query, Not) and isinstance(query.subquery, MatchAll)
    )


class RankedOncePostgresBackend(PostgresSearchBackend):
    query_compiler_class = RankedOnceQueryCompiler


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for)
    if connection.vendor == "postgresql":
        return RankedOncePostgresBackend(params)
    return database.SearchBackend(params)


def count_sql(by=None):
    """A `compiled.rows` builder: the SQL counting what a query finds, (count,), or with `by`
    (a `FilterField`) a row (value, count) per value of it."""

    def build(backend, queryset, queries):
        found = backend.search(queries[0], queryset, order_by_relevance=False).get_queryset()
        if by is not None:
            return found.order_by().values(by).annotate(found=Count("pk")).values_list(by, "found")
        sql, params = found.order_by().values("pk").query.sql_with_params()
        return f"SELECT COUNT(*) FROM ({sql}) counted", params

    return build


def counts_at_once(backend_name, queryset, queries, by=None):
    """How many objects of the queryset each query finds (with `by`, a `FilterField`, how
    many per value of it), in one SQL query: each query's count, matched by the index, in a
    `UNION ALL`. None when the backend is not this module's PostgreSQL backend."""
    if not isinstance(get_search_backend(backend_name), RankedOncePostgresBackend):
        return None
    fields = ["level"] if by is None else ["level", by]

    def build(backend, queryset, queries):
        counted = [
            backend.search(query, queryset, order_by_relevance=False)
            .get_queryset()
            .order_by()
            .annotate(level=Value(n))
            .values(*fields)
            .annotate(found=Count("pk"))
            .values_list(*fields, "found")
            for n, query in enumerate(queries)
        ]
        return counted[0].union(*counted[1:], all=True)

    found = [Counter() for _query in queries]
    for row in compiled.rows(backend_name, queryset, queries, build, ("counts", by)):
        found[row[0]][row[1] if by else None] += row[-1]
    if by is None:
        return [level[None] for level in found]
    return found


SCORE = "_portal_rank"


def ranked_and_counted(backend_name, queryset, query, start, stop, wanted, by=None):
    """Rows start..stop of the `wanted` columns of what the query finds, best first, and how
    many it finds (with `by`, one of `wanted`, a Counter per value of it), in one SQL query:
    the matches are ranked once and kept (`MATERIALIZED`), then sorted for the rows asked
    and counted, where a separate count had matched them all again. None when the backend is
    not this module's PostgreSQL backend."""
    if not isinstance(get_search_backend(backend_name), RankedOncePostgresBackend):
        return None
    variant = ("ranked-counted", start, stop, by, *wanted)
    build = _ranked_and_counted_sql(start, stop, wanted, by)
    rows, found = [], Counter()
    for part, *values, last in compiled.rows(backend_name, queryset, [query], build, variant):
        if part == 0:
            rows.append(values)
        else:
            found[values[wanted.index(by)] if by else None] += int(last)
    return rows, found if by else found[None]


def _ranked_and_counted_sql(start, stop, wanted, by):
    """A `compiled.rows` builder: rows (0, *wanted, rank) best first, then (1, …, count) per
    value of `by` (in its column of `wanted`; the others empty)."""

    def build(backend, queryset, queries):
        results = backend.search(queries[0], queryset).annotate_score(SCORE)
        found = results.get_queryset().order_by().values_list(*wanted, SCORE)
        sql, params = found.query.sql_with_params()
        columns = [f"c{n}" for n in range(len(wanted))]
        counted = [c if by and wanted[n] == by else "NULL" for n, c in enumerate(columns)]
        group = f" GROUP BY c{wanted.index(by)}" if by else ""
        return (
            f"WITH found ({', '.join(columns)}, rank) AS MATERIALIZED ({sql}) "
            f"(SELECT 0, {', '.join(columns)}, rank FROM found "
            f"ORDER BY rank DESC, c0 DESC LIMIT {stop - start} OFFSET {start}) "
            f"UNION ALL (SELECT 1, {', '.join(counted)}, COUNT(*) FROM found{group}) "
            f"ORDER BY 1, {len(wanted) + 2} DESC, 2 DESC",
            params,
        )

    return build
