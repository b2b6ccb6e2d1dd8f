"""A search's SQL, compiled once per process for each queryset and shape of query.

Building a search through the backend and compiling it took longer than running it: a
first-time query compiled about 22 SQL statements. Here the backend compiles a query of the same
shape (operators, nesting, number of words) whose words are stand-ins; the SQL and parameters
are kept for the queryset (its own SQL and parameters, which hold the reader's access filter),
its model's content type and the shape, and each search puts its own words in their place.
Backends that do not answer in SQL (Elasticsearch) are not asked here (`answers_in_sql`).
"""

import re
from collections import OrderedDict

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import IntegerField, QuerySet
from django.db.models.query import ModelIterable
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Not, Or, Phrase, PlainText

MAX_KEPT = 2000
_STAND_IN = "qzslot{}zq"
_STAND_INS = re.compile(r"qzslot(\d+)zq")
# What may take a stand-in's place: words as the query's analysis gives them, never a quote or
# an operator of the backend's query syntax (those are written by the backend, not substituted).
_PLAIN = re.compile(r"\w+(?: \w+)*")
_WORD = re.compile(r"\w+")
_UNUSABLE = object()
_kept = OrderedDict()


def answers_in_sql(backend_name):
    return callable(getattr(get_search_backend(backend_name).results_class, "get_queryset", None))


def rows(backend_name, queryset, queries, build, variant=""):
    """The rows of the SQL `build(backend, queryset, queries)` returns (a queryset, or SQL and
    parameters) for these backend queries (`statement`)."""
    sql, params = statement(backend_name, queryset, queries, build, variant)
    if sql is None:
        return []
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def firsts(backend_name, asked):
    """The first value of each statement's first row, for [(queryset, queries, build, variant)]
    (`statement`), all asked in one SQL query, each statement a scalar subquery of its own;
    None for a queryset that can hold nothing."""
    built = [statement(backend_name, *each) for each in asked]
    present = [(sql, params) for sql, params in built if sql is not None]
    values = iter([])
    if present:
        sql = "SELECT " + ", ".join(f"({sql})" for sql, _params in present)
        params = [param for _sql, own in present for param in own]
        with connections[asked[0][0].db].cursor() as cursor:
            cursor.execute(sql, params)
            values = iter(cursor.fetchone())
    return [None if sql is None else next(values) for sql, _params in built]


def statement(backend_name, queryset, queries, build, variant=""):
    """The SQL and parameters of `build` for these queries, from SQL kept for their shape and
    `variant` and the queryset; built afresh for these queries when it cannot be kept (a word
    that is not plain). (None, None) when the queryset can hold nothing."""
    backend = get_search_backend(backend_name)
    base = queryset_sql(queryset)
    whole = _whole_queries(backend_name, queryset, queries, build, variant, base)
    if whole is not None:
        return whole
    stand_ins, words, shape = _stand_ins(queries)
    kept = None
    if base is not None and stand_ins is not None:
        model = ContentType.objects.get_for_model(queryset.model).pk
        key = (backend_name, variant, shape, model, base)
        kept = _kept_or_made(
            key, lambda: _template(lambda: _sql(build(backend, queryset, stand_ins)), len(words))
        )
    if kept is not None and kept is not _UNUSABLE:
        return _filled(kept, words)
    try:
        return _sql(build(backend, queryset, queries))
    except EmptyResultSet:
        return None, None


def _whole_queries(backend_name, queryset, queries, build, variant, base):
    """The statement from SQL kept for any query of the queryset and `variant`, each query a
    single `tsquery` parameter written here (`_tsquery`), where the backend asks PostgreSQL's
    `to_tsquery` for one stand-in word as for each word: one SQL text for every shape of query.
    None where it does not, or a query holds a phrase (its own function) or a word that is
    not plain."""
    if base is None or connections[queryset.db].vendor != "postgresql":
        return None
    try:
        texts = [_tsquery(query) for query in queries]
    except ValueError:
        return None
    model = ContentType.objects.get_for_model(queryset.model).pk
    key = (backend_name, variant, "tsquery", len(queries), model, base)
    kept = _kept_or_made(
        key, lambda: _tsquery_template(backend_name, queryset, len(queries), build)
    )
    if kept is _UNUSABLE:
        return None
    sql, params, positions = kept
    params = list(params)
    for n, slot in positions:
        params[n] = texts[slot]
    return sql, params


_TO_TSQUERY = "to_tsquery(%s::regconfig, %s)"


def _tsquery_template(backend_name, queryset, count, build):
    """(SQL, parameters, [(position, query)] of the parameters each query's text replaces), or
    `_UNUSABLE` unless every stand-in is a whole `to_tsquery` parameter of its own."""
    stand_ins = [PlainText(_STAND_IN.format(n)) for n in range(count)]
    try:
        sql, params = _sql(build(get_search_backend(backend_name), queryset, stand_ins))
    except EmptyResultSet:
        return _UNUSABLE
    slots = {f"'{_STAND_IN.format(n)}'": n for n in range(count)}
    positions = [(n, slots[p]) for n, p in enumerate(params) if isinstance(p, str) and p in slots]
    marked = [p for p in params if isinstance(p, str) and _STAND_INS.search(p)]
    if (
        _STAND_INS.search(sql)
        or len(marked) != len(positions)
        or {slot for _n, slot in positions} != set(range(count))
        or sql.count(_TO_TSQUERY) != len(positions)
    ):
        return _UNUSABLE
    return sql, tuple(params), positions


def _tsquery(query, invert=False):
    """The query as one `to_tsquery` text, combined as Wagtail's PostgreSQL backend combines
    a `to_tsquery` per word (`build_tsquery_content`: a negation turns into negated words by De
    Morgan's law); ValueError for a phrase or a word that is not plain."""
    if isinstance(query, PlainText):
        terms = [t for t in re.split(r"[\s\-]+", query.query_string) if t]
        if not terms or not all(_WORD.fullmatch(t) for t in terms):
            raise ValueError(query.query_string)
        sign = "!" if invert else ""
        connector = "&" if query.operator == "and" else "|"
        *others, last = terms
        text = f"{sign}'{last}'"
        for term in others:
            text = f"({text} {connector} {sign}'{term}')"
        return text
    if isinstance(query, Not):
        return _tsquery(query.subquery, not invert)
    if isinstance(query, And | Or):
        parts = [_tsquery(sub, invert) for sub in query.subqueries]
        connector = "&" if isinstance(query, And) != invert else "|"
        text = parts[0]
        for part in parts[1:]:
            text = f"({text} {connector} {part})"
        return text
    raise ValueError(query)


def queryset_sql(queryset):
    """The queryset's SQL and parameters (compiled once per queryset object), or None when it
    can hold nothing."""
    if not hasattr(queryset, "_search_sql"):
        try:
            sql, params = queryset.query.sql_with_params()
            queryset._search_sql = (sql, repr(params))
        except EmptyResultSet:
            queryset._search_sql = None
    return queryset._search_sql


def kept_clone(queryset):
    """A clone of a queryset kept for reuse (never evaluated itself), carrying its SQL, which
    `queryset_sql` compiles once for the kept queryset."""
    clone = queryset.all()
    clone._search_sql = queryset_sql(queryset)
    return clone


def in_bulk(queryset, ids):
    """`queryset.in_bulk(ids)`, its SQL compiled once per queryset and number of ids
    (`rows_by_id`); a queryset whose rows are not plain model rows (annotations, deferred or
    related fields) is asked as it is."""
    model = queryset.model
    names = [f.attname for f in model._meta.concrete_fields]
    rows = rows_by_id(queryset, ids, names) if _plain_rows(queryset) else None
    if rows is None:
        return queryset.in_bulk(ids)
    objects = [model.from_db(queryset.db, names, row) for row in rows]
    return {obj.pk: obj for obj in objects}


def rows_by_id(queryset, ids, names):
    """The values of `names` of the queryset's objects among `ids` (integers), in SQL compiled
    once per queryset (`queryset_sql`), names and number of ids; None when it cannot be kept
    (a key that is not an integer)."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return []
    base = queryset_sql(queryset)
    if base is None:
        return []
    pk = queryset.model._meta.pk
    if not isinstance(getattr(pk, "target_field", pk), IntegerField):
        return None
    model = ContentType.objects.get_for_model(queryset.model).pk
    key = ("rows_by_id", len(ids), tuple(names), model, base)
    kept = _kept_or_made(key, lambda: _ids_template(queryset, names, _id_slots(len(ids))))
    if kept is _UNUSABLE:
        return None
    sql, params, positions = kept
    params = list(params)
    for position, pk_value in zip(positions, ids, strict=True):
        params[position] = pk_value
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


# Ids no row has, standing in for the ids asked while their SQL is compiled.
_ID_SLOT = -7_400_000_001


def _id_slots(count):
    return [_ID_SLOT - n for n in range(count)]


def _plain_rows(queryset):
    query = queryset.query
    return (
        queryset._iterable_class is ModelIterable
        and not queryset._prefetch_related_lookups
        and not query.annotations
        and not query.select_related
        and query.deferred_loading == (frozenset(), True)
    )


def _ids_template(queryset, names, slots):
    """(SQL, parameters, the positions of the id slots in order) of the queryset's rows of
    `names` whose ids are the slots, or `_UNUSABLE` when the slots are not each one parameter
    of their own."""
    try:
        rows = queryset.filter(pk__in=slots).order_by().values_list(*names)
        sql, params = rows.query.sql_with_params()
    except EmptyResultSet:
        return _UNUSABLE
    positions = [params.index(slot) if params.count(slot) == 1 else None for slot in slots]
    if None in positions:
        return _UNUSABLE
    return sql, tuple(params), positions


def _stand_ins(queries):
    """(the queries with stand-ins for their words, the words, their shape), or (None, words,
    None) when a word cannot be substituted."""
    words, shape = [], []

    def walk(query):
        if isinstance(query, PlainText | Phrase):
            if not _PLAIN.fullmatch(query.query_string):
                raise ValueError(query.query_string)
            words.append(query.query_string)
            stand_in = _STAND_IN.format(len(words) - 1)
            if isinstance(query, Phrase):
                shape.append("P")
                return Phrase(stand_in)
            shape.append(f"W{query.operator}")
            return PlainText(stand_in, operator=query.operator)
        if isinstance(query, Not):
            shape.append("N(")
            found = Not(walk(query.subquery))
        elif isinstance(query, And | Or):
            shape.append(f"{type(query).__name__}(")
            found = type(query)([walk(sub) for sub in query.subqueries])
        else:
            raise ValueError(query)
        shape.append(")")
        return found

    try:
        stand_ins = [walk(query) for query in queries]
    except ValueError:
        return None, words, None
    return stand_ins, words, "".join(shape)


def _sql(built):
    if isinstance(built, QuerySet):
        return built.query.sql_with_params()
    return built


def _template(compile_stand_ins, count):
    """(SQL, parameters, the positions of parameters holding stand-ins), or `_UNUSABLE` when the
    backend wrote a stand-in into the SQL itself or left one out."""
    try:
        sql, params = compile_stand_ins()
    except EmptyResultSet:
        return _UNUSABLE
    positions = [n for n, p in enumerate(params) if isinstance(p, str) and _STAND_INS.search(p)]
    found = {int(m) for n in positions for m in _STAND_INS.findall(params[n])}
    if _STAND_INS.search(sql) or found != set(range(count)):
        return _UNUSABLE
    return sql, tuple(params), positions


def _filled(kept, words):
    sql, params, positions = kept
    params = list(params)
    for n in positions:
        params[n] = _STAND_INS.sub(lambda m: words[int(m[1])], params[n])
    return sql, params


def _kept_or_made(key, make):
    """What is kept under `key`; the first time made by `make()` and kept, the least recently
    used let go past MAX_KEPT. `_UNUSABLE` is kept too, so it is not made again."""
    kept = _kept.get(key)
    if kept is None:
        kept = _kept[key] = make()
        while len(_kept) > MAX_KEPT:
            _kept.popitem(last=False)
    else:
        _kept.move_to_end(key)
    return kept
