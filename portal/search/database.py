"""The database search backend, with one rank per vector on PostgreSQL.

Wagtail's PostgreSQL backend ranks a match by one `ts_rank` per word of the query and per
vector (title and body), ten calls a row for three words with a compound, and each call
unpacks the row's body vector again. A query of the benchmark's dense content matches thousands
of pages, and ranking them was nine tenths of the search's SQL. Here the whole query is ranked
once per vector; the title ranking of the pipeline (`portal/search/query.py`) then orders the
best candidates. Other databases use Wagtail's backend as it is.
"""

from django.contrib.postgres.search import SearchRank
from django.db import connection
from wagtail.search.backends import database
from wagtail.search.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)


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


class RankedOncePostgresBackend(PostgresSearchBackend):
    query_compiler_class = RankedOnceQueryCompiler


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for)
    if connection.vendor == "postgresql":
        return RankedOncePostgresBackend(params)
    return database.SearchBackend(params)
