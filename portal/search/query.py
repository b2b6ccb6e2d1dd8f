"""Understand what the reader typed and find the best matches in any indexed queryset.

The pipeline is the same on every backend: the query is parsed (words, "phrases", -excluded,
OR), stop words are dropped, editors' synonyms and compound parts are added as alternatives,
and the backend is asked for the objects matching every word by stem (the `search_stems` field
makes SQLite stem too). The best candidates are then ranked here, so that a match in the title
counts the same everywhere. Nothing found: a misspelt word is corrected from the index's own
vocabulary ("Mente du"), then fewer of the words are required.
"""

import functools
import hashlib
import itertools
import logging
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from django.core.cache import cache
from elastic_transport import TransportError
from elasticsearch import ApiError
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Not, Or, Phrase, PlainText

from portal.search import analysis, compiled, database, synonyms, vocabulary
from portal.search.generation import search_generation
from portal.search.index import joined_text, title_columns, title_text

# How many of the backend's best matches are ranked here; further results keep its order.
CANDIDATES = 50
# With more words than this, relaxing tries only "any of the words" (the subsets grow fast).
MAX_SUBSETS = 15
RESULTS_CACHE_SECONDS = 600

# How the query was relaxed to find something (SearchOutcome.relaxed).
RELAXED_SPELLING = "spelling"
RELAXED_SOME_WORDS = "some_words"

# What the search engine raises when it cannot be reached; the database then answers instead.
SEARCH_ENGINE_ERRORS = (TransportError, ApiError)

OR_OPERATORS = frozenset({"OR", "|"})
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Term:
    """A word, or several words that must stand together when `phrase` is true."""

    text: str
    phrase: bool = False

    @property
    def words(self):
        return tuple(self.text.split())


@dataclass(frozen=True)
class ParsedQuery:
    """What the reader asked for: every unit is required, a unit is met by any of its terms
    (`a OR b`), and no result may contain an excluded term (`-word`, `-"two words"`)."""

    units: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    def __bool__(self):
        return bool(self.units)


@dataclass
class SearchOutcome:
    """Results in relevance order (a sliceable sequence), their number, a "Mente du" text when
    a misspelt word was corrected, how the query was relaxed (None, `RELAXED_SPELLING` or
    `RELAXED_SOME_WORDS`), the editors' recommended results for the query, and the number of
    results per value of the filter field asked for (`search(..., count_by=...)`)."""

    results: object = field(default_factory=list)
    count: int = 0
    suggestion: str | None = None
    relaxed: str | None = None
    promoted: list = field(default_factory=list)
    by: dict = field(default_factory=dict)


@functools.lru_cache(maxsize=10_000)
def parse(text) -> ParsedQuery:
    """Words (lower-cased), "phrases", -excluded words or phrases, and `a OR b` alternatives
    (kept per text: every tab and the highlighting parse the same query)."""
    units, excluded, join = [], [], False
    for match in _TOKEN.finditer(text or ""):
        minus, quoted, bare = match.groups()
        if bare in OR_OPERATORS:
            join = bool(units)
            continue
        if quoted is None:
            minus = "-" if bare.startswith("-") and len(bare) > 1 else ""
            terms = [Term(w) for w in analysis.words(bare)]
        else:
            found = analysis.words(quoted)
            terms = [Term(" ".join(found), phrase=len(found) > 1)] if found else []
        if not terms:
            continue
        if minus:
            excluded.extend(terms)
        else:
            if join:
                units[-1] = (*units[-1], terms.pop(0))
            units.extend((term,) for term in terms)
        join = False
    return ParsedQuery(tuple(units), tuple(excluded))


@dataclass(frozen=True)
class _Unit:
    """One required part of the query as searched: its words as typed, and the alternatives
    that satisfy it (each a tuple of words all required, or a phrase)."""

    words: tuple[str, ...]
    alternatives: tuple[Term, ...]


def search(queryset, text, *, boost_title=True, newest_first_by=None, count_by=None):
    """The objects of an indexed queryset that match the text, best first (or newest first by
    the date field `newest_first_by`, which the model lists as a `FilterField`); with
    `count_by` (a `FilterField`), also how many results hold each of its values, counted in
    the same query as the total.

    Only the queryset is searched, so what a reader may not see never reaches the results, the
    count or the suggestion (a correction is offered only if it finds something here).
    """
    parsed = parse(text)
    if not parsed:
        return SearchOutcome()
    by_relevance = newest_first_by is None
    if not by_relevance:
        queryset = queryset.order_by(f"-{newest_first_by}")
        boost_title = False
    key = _cache_key(queryset, text, (boost_title, count_by))
    cached = cache.get(key) if key else None
    head = []
    if cached is not None:
        ids, found, suggestion, relaxed, query = cached
    else:

        def attempt(query, units):
            return _ranked(queryset, query, units, boost_title, by_relevance, count_by)

        head, found, suggestion, relaxed, query = _find(parsed, attempt)
        ids = [candidate.pk for candidate in head]
        if key and found:
            cache.set(key, (ids, found, suggestion, relaxed, query), RESULTS_CACHE_SECONDS)
    total = sum(found.values()) if count_by else found
    return SearchOutcome(
        results=RankedResults(
            ids, total, queryset, query, by_relevance, [c.obj for c in head if c.obj is not None]
        ),
        count=total,
        suggestion=suggestion,
        relaxed=relaxed,
        promoted=_promoted(queryset, parsed),
        by=found if count_by else {},
    )


def count(queryset, text, *, by=None, relax=True):
    """How many objects `search` would find (relaxed as it would be; with `relax` false, for
    the query as typed only), or with `by` (a `FilterField`) how many per value of it; cached
    per search generation even when none: any change to the index bumps the generation when it
    commits. When the query as typed finds nothing, its corrected and relaxed forms are counted
    together (in one SQL query on PostgreSQL)."""
    parsed = parse(text)
    if not parsed:
        return {} if by else 0
    key = _cache_key(queryset, text, ("count", by, relax))
    found = cache.get(key) if key else None
    if found is None:
        units = _units(parsed.units)
        found = ask_with_fallback(_backend_count, queryset, _query(units, parsed.excluded), by)
        if not found and relax:
            found = _relaxed_count(queryset, parsed, units, by) or found
        if key:
            cache.set(key, found, RESULTS_CACHE_SECONDS)
    return found


def count_each(querysets, text, *, relax=True):
    """`count` of each queryset (for `by` None), those not cached asked together: in one SQL
    query where the backend answers in SQL (`compiled.firsts`)."""
    parsed = parse(text)
    if not parsed:
        return [0 for _queryset in querysets]
    keys = [_cache_key(queryset, text, ("count", None, relax)) for queryset in querysets]
    cached = cache.get_many([key for key in keys if key])
    missing = [n for n, key in enumerate(keys) if key not in cached]
    if missing:
        units = _units(parsed.units)
        query = _query(units, parsed.excluded)
        asked = [querysets[n] for n in missing]
        for n, found in zip(missing, ask_with_fallback(_backend_firsts, asked, query), strict=True):
            if not found and relax:
                found = _relaxed_count(querysets[n], parsed, units, None) or found
            if keys[n]:
                cached[keys[n]] = found
        cache.set_many(
            {keys[n]: cached[keys[n]] for n in missing if keys[n]}, RESULTS_CACHE_SECONDS
        )
    return [cached[key] if key else 0 for key in keys]


def _backend_firsts(backend, querysets, query):
    """How many each queryset finds for the query, in one SQL query where the backend can."""
    if not compiled.answers_in_sql(backend):
        return [_backend_count(backend, queryset, query, None) for queryset in querysets]
    asked = [(queryset, [query], database.count_sql(), ("count", None)) for queryset in querysets]
    return [found or 0 for found in compiled.firsts(backend, asked)]


def _relaxed_count(queryset, parsed, units, by):
    """The count of the first of the corrected query and the relaxed ones (of the corrected
    query, if any) that finds something; None if there is none to ask."""
    excluded = parsed.excluded
    queries = list(_relaxed_queries(units, excluded))
    corrected = _corrected(parsed)
    if corrected is not None:
        corrected_units = _units(corrected.units)
        queries = [_query(corrected_units, excluded), *_relaxed_queries(corrected_units, excluded)]
    if not queries:
        return None
    found = ask_with_fallback(_backend_counts, queryset, queries, by)
    return next((f for f in found if f), found[-1])


def _backend_counts(backend, queryset, queries, by):
    """The queries' counts, each finding only what the next finds: all at once where the
    backend can; else in turn up to the first that finds something, the loosest first: when
    it finds nothing neither do the others, which are then not asked."""
    found = database.counts_at_once(backend, queryset, queries, by)
    if found is not None:
        return found
    loosest = _backend_count(backend, queryset, queries[-1], by)
    if not loosest:
        return [loosest]
    found = []
    for query in queries[:-1]:
        found.append(_backend_count(backend, queryset, query, by))
        if found[-1]:
            return found
    return [*found, loosest]


class RankedResults:
    """The ranked best candidates (`head`, their ids), then the backend's further results in
    its order. The objects of the ids a slice holds are loaded then (unless `loaded` holds
    them already), and left out if the queryset no longer holds them."""

    def __init__(self, head, count, queryset, query, by_relevance=True, loaded=()):
        self.head, self.count = head, count
        self.loaded = {obj.pk: obj for obj in loaded}
        self.asked = (queryset, query, by_relevance)

    def __len__(self):
        return self.count

    def __iter__(self):
        return iter(self[0 : self.count])

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, min(index.stop or self.count, self.count)
        queryset, query, by_relevance = self.asked
        ids = self.head[start:stop]
        if stop > len(self.head) and query is not None:
            tail, _count = _answer(queryset, query, by_relevance, max(start, len(self.head)), stop)
            self.loaded.update((c.pk, c.obj) for c in tail if c.obj is not None)
            ids += [c.pk for c in tail]
        missing = [pk for pk in ids if pk not in self.loaded]
        if missing:
            self.loaded.update(compiled.in_bulk(queryset, missing))
        return [self.loaded[pk] for pk in ids if pk in self.loaded]


def _find(parsed, attempt):
    """(candidates, found, suggestion, relaxed, query) for a parsed query: `attempt(query,
    units)` asks the backend for (candidates, found), `found` being false when nothing was.
    The vocabulary and the relaxed queries are consulted only when the query finds nothing."""
    units = _units(parsed.units)
    excluded = parsed.excluded
    query = _query(units, excluded)
    head, found = attempt(query, units)
    if found:
        return head, found, None, None, query
    suggestion = None
    corrected = _corrected(parsed)
    if corrected is not None:
        units = _units(corrected.units)
        query = _query(units, excluded)
        head, found = attempt(query, units)
        if found:
            return head, found, _text(corrected), RELAXED_SPELLING, query
    for query in _relaxed_queries(units, excluded):
        head, found = attempt(query, units)
        if found:
            if corrected is not None:
                suggestion = _text(corrected)
            return head, found, suggestion, RELAXED_SOME_WORDS, query
    return [], found, None, None, None


def _units(parsed_units):
    """The parsed units as searched: stop words dropped, synonyms added as alternatives."""
    meaningful = [
        unit
        for unit in parsed_units
        if len(unit) > 1 or unit[0].phrase or unit[0].text not in analysis.STOP_WORDS
    ]
    parsed_units = meaningful or list(parsed_units)
    mapping = synonyms.synonym_map()
    longest = synonyms.longest_synonym()
    units, position = [], 0
    while position < len(parsed_units):
        span = _synonym_span(parsed_units, position, mapping, longest)
        if span:
            words = tuple(unit[0].text for unit in parsed_units[position : position + span])
            alternatives = [Term(" ".join(words))]
            alternatives += _synonym_terms(mapping[synonyms.key(" ".join(words))])
            units.append(_Unit(words, tuple(dict.fromkeys(alternatives))))
            position += span
            continue
        unit = parsed_units[position]
        alternatives = [*unit]
        for term in unit:
            if not term.phrase:
                alternatives += _synonym_terms(mapping.get(synonyms.key(term.text), ()))
        words = tuple(w for term in unit for w in term.words)
        units.append(_Unit(words, tuple(dict.fromkeys(alternatives))))
        position += 1
    return units


def _synonym_span(parsed_units, position, mapping, longest):
    """How many single-word units from `position` on form a synonym's phrase (0 if none)."""
    for span in range(min(longest, len(parsed_units) - position), 0, -1):
        run = parsed_units[position : position + span]
        if all(len(unit) == 1 and not unit[0].phrase for unit in run):
            if synonyms.key(" ".join(unit[0].text for unit in run)) in mapping:
                return span
    return 0


def _synonym_terms(phrases):
    return [Term(" ".join(analysis.content_words(phrase))) for phrase in phrases]


def _query(units, excluded):
    """The backend query: every unit by any of its alternatives, none of the excluded terms."""
    query = And([Or([_term_query(term) for term in unit.alternatives]) for unit in units])
    if excluded:
        query = And([query, Not(Or([_term_query(term) for term in excluded]))])
    return query


def _term_query(term):
    if term.phrase:
        return Phrase(term.text)
    return And([_word_query(word) for word in term.words])


def _word_query(word):
    """A word by its stem, or a compound by all its parts."""
    own = PlainText(analysis.stem(word))
    parts = analysis.compound_parts(word)
    if not parts:
        return own
    return Or([own, And([PlainText(analysis.stem(part)) for part in parts])])


def _relaxed_queries(units, excluded):
    """Queries requiring fewer of the units: all but one, and so on, down to any one."""
    if len(units) < 2:
        return
    for size in range(len(units) - 1, 0, -1):
        if size > 1 and math.comb(len(units), size) > MAX_SUBSETS:
            continue
        subsets = itertools.combinations(units, size)
        yield _or_queries([_query(subset, excluded) for subset in subsets])


def _or_queries(queries):
    return queries[0] if len(queries) == 1 else Or(queries)


class Candidate(NamedTuple):
    """One of the backend's matches as ranked here: its id, its title's text, its value of
    the field counted by (`count_by`), and the object itself when the backend loaded it."""

    pk: object
    title: str
    by: object = None
    obj: object = None


def _answer(queryset, query, by_relevance, start=0, stop=CANDIDATES, count_by=None):
    """Candidates start..stop of the backend's answer and how many it found in all (or, with
    `count_by`, {value: how many}); during an Elasticsearch outage the database answers."""
    return ask_with_fallback(_backend_answer, queryset, query, by_relevance, start, stop, count_by)


def ask_with_fallback(ask, *args):
    """`ask(backend, *args)` of the search engine, or of the database backend (logged) when
    the engine cannot be reached."""
    try:
        return ask("default", *args)
    except SEARCH_ENGINE_ERRORS:
        logger.warning("Search engine unavailable; answering from the database search backend")
        return ask("database", *args)


def _backend_answer(backend, queryset, query, by_relevance, start, stop, count_by=None):
    """A database backend is asked for the candidates' ids and titles only, in SQL compiled
    once per queryset and shape of query (`compiled`), on PostgreSQL with the count in the
    same query (`database.ranked_and_counted`); a search engine for the objects."""
    titles = title_columns(queryset.model)
    counted = None
    if titles is not None and compiled.answers_in_sql(backend):
        wanted = ["pk", *titles, *([count_by] if count_by else [])]

        def build(backend, queryset, queries):
            results = backend.search(queries[0], queryset, order_by_relevance=by_relevance)
            return results[start:stop].get_queryset().values_list(*wanted)

        at_once = by_relevance and database.ranked_and_counted(
            backend, queryset, query, start, stop, wanted, count_by
        )
        if at_once:
            found, counted = at_once
        else:
            found = compiled.rows(
                backend, queryset, [query], build, ("rows", by_relevance, start, stop, *wanted)
            )
        items = [
            Candidate(row[0], joined_text(row[1 : 1 + len(titles)]), row[-1] if count_by else None)
            for row in found
        ]
    else:
        results = get_search_backend(backend).search(
            query, queryset, order_by_relevance=by_relevance
        )
        items = [
            Candidate(
                obj.pk, title_text(obj), obj.serializable_value(count_by) if count_by else None, obj
            )
            for obj in results[start:stop]
        ]
    if counted is not None:
        return items, counted
    if start == 0 and len(items) < stop - start:
        return items, Counter(item.by for item in items) if count_by else len(items)
    return items, _backend_count(backend, queryset, query, count_by)


def _backend_count(backend, queryset, query, by):
    """How many the query finds (with `by`, per value of that field)."""
    if compiled.answers_in_sql(backend):
        found = compiled.rows(backend, queryset, [query], database.count_sql(by), ("count", by))
        return Counter(dict(found)) if by else found[0][0]
    results = get_search_backend(backend).search(query, queryset, order_by_relevance=False)
    return Counter(results.facet(by)) if by else results.count()


def _ranked(queryset, query, units, boost_title, by_relevance, count_by=None):
    """The backend's best candidates ranked by title match and its order, and the count."""
    candidates, count = _answer(queryset, query, by_relevance, count_by=count_by)
    if not boost_title or not candidates:
        return candidates, count
    query_stems = tuple(
        analysis.stem(w) for w in analysis.content_words(" ".join(_all_words(units)))
    )
    # Each unit's alternatives as the stems of their words (`analysis.word_stems`).
    unit_terms = [
        [[analysis.word_stems(w) for w in term.words] for term in unit.alternatives]
        for unit in units
    ]
    searched_stems = {s for terms in unit_terms for term in terms for w in term for s in w}

    def score(item):
        position, candidate = item
        title_words, title_stems, own_stems = _title_analysis(candidate.title)
        in_title = sum(_unit_in(terms, title_stems) for terms in unit_terms) / len(units)
        covered = sum(_word_in(w, searched_stems) for w in title_words)
        coverage = covered / (len(title_words) or 1)
        exact = own_stems == query_stems
        return -(1 - position / CANDIDATES + 2 * in_title + coverage + 2 * exact)

    return [c for _position, c in sorted(enumerate(candidates), key=score)], count


@functools.lru_cache(maxsize=20_000)
def _title_analysis(title):
    """A title's meaningful words as their stems (`analysis.word_stems`), all those stems
    together, and each word's own stem in order: the same titles are ranked for many queries."""
    title_words = tuple(analysis.word_stems(w) for w in analysis.content_words(title))
    stems = frozenset(s for w in title_words for s in w)
    return title_words, stems, tuple(w[0] for w in title_words)


def _all_words(units):
    return [w for unit in units for w in unit.words]


def _unit_in(terms, stems):
    """How much of a unit the title holds: its best alternative's share of words found, a
    compound counting by the share of its parts when it is not there whole."""
    return max(sum(_word_in(w, stems) for w in term) / len(term) for term in terms)


def _word_in(word_stems, stems):
    """How much of a word (its stems, `analysis.word_stems`) the stems hold."""
    own, *parts = word_stems
    if own in stems:
        return 1
    return sum(part in stems for part in parts) / len(parts) if parts else 0


def _corrected(parsed):
    """`_correct`, asked of the vocabulary once per query and search generation."""
    key = f"portal:search:{search_generation()}:corrected:{_digest(repr(parsed))}"
    cached = cache.get(key)
    if cached is None:
        cached = (_correct(parsed),)
        cache.set(key, cached, RESULTS_CACHE_SECONDS)
    return cached[0]


def _correct(parsed):
    """The parsed query with its unknown words replaced, or None: a word that is two known words
    run together by both, a misspelt word by the vocabulary's closest."""
    words = {term.text for unit in parsed.units for term in unit if not term.phrase}
    unknown = vocabulary.unknown(sorted(words))
    if not unknown:
        return None
    corrections = vocabulary.compound_splits(unknown)
    corrections |= vocabulary.corrections([w for w in unknown if w not in corrections])
    if not corrections:
        return None
    units = tuple(
        tuple(Term(corrections.get(t.text, t.text), t.phrase) for t in unit)
        for unit in parsed.units
    )
    return ParsedQuery(units, parsed.excluded)


def _text(parsed):
    """A parsed query written out again, as "Mente du" shows it."""
    parts = [" OR ".join(_term_text(t) for t in unit) for unit in parsed.units]
    parts += [f"-{_term_text(t)}" for t in parsed.excluded]
    return " ".join(parts)


def _term_text(term):
    return f'"{term.text}"' if term.phrase else term.text


def _promoted(queryset, parsed):
    """The editors' recommended pages for this query that the queryset holds."""
    if not issubclass(queryset.model, Page):
        return []
    words = " ".join(t.text for unit in parsed.units for t in unit)
    ids = synonyms.promoted_page_ids().get(synonyms.key(words))
    if not ids:
        return []
    by_pk = queryset.in_bulk(ids)
    return [by_pk[pk] for pk in ids if pk in by_pk]


def _cache_key(queryset, text, variant):
    """The key of a search's answer: the query, the queryset's SQL (whose visibility rules
    it holds), what was asked (`variant`) and the search generation; None when the queryset
    can hold nothing."""
    sql = compiled.queryset_sql(queryset)
    if sql is None:
        return None
    return f"portal:search:{search_generation()}:{_digest(f'{text}|{sql}|{variant}')}"


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()
