"""The search page's answer: one tab's results, the count of every tab, and what the topic
filter sets aside. Each tab is searched through the same pipeline (`query.search`), whose
answers are cached per query, access filter and search generation."""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property, partial, reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.cache import generation_memo
from portal.search import compiled, unanswered
from portal.search.generation import search_generation
from portal.search.markup import hits_markup
from portal.search.query import RESULTS_CACHE_SECONDS, SearchOutcome, count, count_each, search
from portal.search.sources import SearchSource, registered_sources

ALL_PAGES = "alle"
ALL_PAGES_LABEL = _("Alle sider")
NEWEST = "nyeste"
# The date filter's choices: how far back, in days.
PERIODS = {"uge": 7, "maaned": 31, "aar": 365}
HIT_CACHE_SECONDS = 600


@dataclass
class Facet:
    key: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchAnswer:
    """What the page shows: the chosen tab's page of hits, the facets with their counts, the
    pipeline's outcome for the chosen tab, and the labels of tabs a topic sets aside."""

    results_page: object
    outcome: object
    facets: list = field(default_factory=list)
    set_aside: list = field(default_factory=list)
    markup: Callable = str
    page_key: str = ""

    @cached_property
    def hits_markup(self):
        """The result list's markup, made when the page shows it (not when its whole content
        comes from the cache, `page_key`)."""
        return self.markup()


@dataclass
class Searchable:
    """A source the reader may search, its `scope` (`SearchSource.reader_scope`; None for a
    source the same for everyone) and its queryset for the reader, built when first used."""

    source: SearchSource
    scope: str | None
    build: Callable

    @cached_property
    def queryset(self):
        return self.build()


def available_sources(user, request=None):
    """The `Searchable` of every source the user may search, in tab order. Each queryset is
    built and compiled once in the process: a source's that is the same for everyone per
    content generation, a reader's per source, reader scope and content and search generation
    (`_reader_queryset`); each request gets a clone carrying the SQL."""
    shared = generation_memo(request, "search-shared-querysets", _shared_querysets)
    found = []
    for source in registered_sources():
        if source.same_for_everyone:
            found.append(Searchable(source, None, partial(compiled.kept_clone, shared[source.key])))
        elif (scope := source.reader_scope(user)) is not None:
            build = partial(_reader_queryset, request, source, user, scope)
            found.append(Searchable(source, scope, build))
    return found


def _reader_queryset(request, source, user, scope):
    """The source's queryset for the reader, kept per reader scope (which names all it depends
    on besides content, `SearchSource.reader_scope`) and search generation, which moves with
    every change of read rights the scope does not name."""
    kept = generation_memo(
        request,
        f"search-queryset:{source.key}:{scope}:{search_generation()}",
        partial(source.queryset, user, None),
        store="search-readers",
    )
    return compiled.kept_clone(kept)


def _shared_querysets():
    return {s.key: s.queryset(None, None) for s in registered_sources() if s.same_for_everyone}


def under_topic(user, searchable, topic):
    """The searchable sources under the topic, their querysets filtered by it, and the sources
    set aside because they have no topics."""
    if topic is None:
        return searchable, []
    chosen = [
        Searchable(s.source, s.scope, partial(s.source.queryset, user, topic))
        for s in searchable
        if s.source.topics
    ]
    set_aside = [s.source for s in searchable if not s.source.topics]
    return chosen, set_aside


def tab_keys(searchable):
    """The tabs a reader may choose: all pages together, then every source they may search."""
    return [ALL_PAGES, *(s.source.key for s in searchable)]


@dataclass
class Tab:
    key: str
    label: str
    queryset: object
    date_field: str | None
    sources: list
    is_page: bool


def answer(
    request,
    query,
    searchable,
    *,
    tab=None,
    topic=None,
    period=None,
    sort=None,
    page=None,
    per_page=10,
):
    """The search page's answer for the query in the `available_sources` of the reader: the
    chosen tab's results (without a choice, the first tab that finds something) and every
    tab's count. The chosen tab is searched first: when it finds the query as typed, the other
    tabs are counted for the query as typed too, without correcting or relaxing it. Without a
    topic or date filter the answer is kept (`_Kept`) per query, tab, sort, page, search
    generation and the reader's access filters (`_answer_key`)."""
    if topic is None and period not in PERIODS:
        key = _answer_key(query, searchable, tab, sort, page, per_page)
        kept = cache.get(key)
        if kept is not None:
            return _from_kept(request, query, searchable, key, kept, page, per_page)
    else:
        key = None
    searchable, set_aside = under_topic(request.user, searchable, topic)
    since = timezone.now() - timedelta(days=PERIODS[period]) if period in PERIODS else None
    tabs = _tabs(request, searchable, since, shared=topic is None)
    chosen = tab if any(t.key == tab for t in tabs) else None
    counts, outcomes, by_type, counted = {}, {}, {}, []
    for t in sorted(tabs, key=lambda t: t.key != chosen):
        newest = t.date_field if sort == NEWEST else None
        relax = not any(o.count and o.relaxed is None for o in outcomes.values())
        if t.key == ALL_PAGES:
            by_type = _page_counts(t, query, chosen, newest, outcomes, relax)
            counts[t.key] = sum(by_type.values())
        elif t.is_page and t.key != chosen:
            counts[t.key] = by_type.get(ContentType.objects.get_for_model(t.sources[0].model).pk, 0)
        elif t.key == chosen or (chosen is None and not any(counts.values())):
            outcomes[t.key] = search(t.queryset, query, newest_first_by=newest)
            counts[t.key] = outcomes[t.key].count
        else:
            counted.append(t)
    if counted:
        # Once a tab is only counted, so is every later one, with the same `relax`.
        found = count_each([t.queryset for t in counted], query, relax=relax)
        counts.update(zip([t.key for t in counted], found, strict=True))
    facets = [Facet(t.key, t.label, counts[t.key]) for t in tabs]
    if chosen is None:
        chosen = next((f.key for f in facets if f.count), tabs[0].key if tabs else None)
    for facet in facets:
        facet.selected = facet.key == chosen
    outcome = outcomes.get(chosen)
    chosen_tab = next((t for t in tabs if t.key == chosen), None)
    results = Paginator(range(outcome.count if outcome else 0), per_page).get_page(page)
    shown = _shown_of(chosen_tab, outcome, results)
    if key and outcome and outcome.count:
        cache.set(key, _Kept.of(chosen, facets, outcome, shown.ids), RESULTS_CACHE_SECONDS)
    return _answer(request, query, results, shown, outcome, facets, set_aside)


def _shown_of(tab, outcome, results):
    """The page of results shown: among the ranked candidates, their ids, the objects loaded
    only for hits not cached (`_hits`); further on, the objects as the outcome loads them."""
    if tab is None or outcome is None:
        return _Shown([], [], list)
    start, stop = results.start_index() - 1, results.end_index()
    head = getattr(outcome.results, "head", [])
    if stop <= len(head):
        return _Shown(
            tab.sources,
            head[start:stop],
            lambda ids: compiled.in_bulk(tab.queryset, ids).values(),
        )
    objects = {obj.pk: obj for obj in outcome.results[start:stop]}
    return _Shown(tab.sources, list(objects), lambda ids: [objects[pk] for pk in ids])


@dataclass
class _Kept:
    """What a repeated answer needs: the chosen tab, every tab's count, the outcome's count,
    suggestion and relaxation, and the ids of the recommended results and of the page shown
    (checked again against the reader's queryset, so one no longer there is left out)."""

    chosen: str
    counts: list
    count: int
    suggestion: str | None
    relaxed: str | None
    promoted: list
    shown: list

    @classmethod
    def of(cls, chosen, facets, outcome, shown):
        return cls(
            chosen,
            [(f.key, f.count) for f in facets],
            outcome.count,
            outcome.suggestion,
            outcome.relaxed,
            [obj.pk for obj in outcome.promoted],
            shown,
        )


def _answer_key(query, searchable, tab, sort, page, per_page):
    """The kept answer's key: what was asked, the search generation, and which sources the
    reader may search with the scope of each that depends on the reader (what their access
    filter depends on, `SearchSource.reader_scope`)."""
    access = [s.source.key if s.scope is None else f"{s.source.key}={s.scope}" for s in searchable]
    asked = "|".join(map(str, [query, tab, sort, page, per_page, *access]))
    digest = hashlib.sha256(asked.encode()).hexdigest()
    return f"portal:search:{search_generation()}:answer:{digest}"


def _from_kept(request, query, searchable, key, kept, page, per_page):
    """The kept answer for this reader: only the chosen tab's queryset is built (and only for
    the recommended results); the ids shown are checked by `_present`. Its `page_key` says
    all the page's content shows besides the form."""
    labels = {s.source.key: s.source.label for s in searchable}
    labels[ALL_PAGES] = ALL_PAGES_LABEL
    facets = [Facet(tab, labels[tab], n, tab == kept.chosen) for tab, n in kept.counts]
    if kept.chosen == ALL_PAGES:
        chosen = [s for s in searchable if s.source.is_page]
        queryset = partial(_all_pages, request, chosen)
    else:
        chosen = [s for s in searchable if s.source.key == kept.chosen]
        queryset = partial(getattr, chosen[0], "queryset")
    present = _present(request, kept.chosen, chosen, queryset, kept.shown, per_page)
    promoted = queryset().in_bulk(kept.promoted) if kept.promoted else {}
    outcome = SearchOutcome(
        count=kept.count,
        suggestion=kept.suggestion,
        relaxed=kept.relaxed,
        promoted=[promoted[pk] for pk in kept.promoted if pk in promoted],
    )
    results = Paginator(range(kept.count), per_page).get_page(page)
    shown = _Shown(
        [s.source for s in chosen],
        [pk for pk in kept.shown if pk in present],
        lambda ids: compiled.in_bulk(queryset(), ids).values(),
    )
    found = _answer(request, query, results, shown, outcome, facets, [])
    found.page_key = f"{key}:{shown.ids}:{[obj.pk for obj in outcome.promoted]}"
    return found


# Ids no row has, standing in for the ids of a page of results while a check is compiled.
_STAND_IN = -7_400_000_001


def _present(request, tab, chosen, queryset, ids, per_page):
    """The ids among `ids` (at most `per_page`) that the tab's queryset for this reader still
    holds, in one query whose SQL is compiled once per content generation in the process for
    each tab and reader scope (building and compiling the query cost more than running it)."""
    if not ids:
        return set()
    slots = [_STAND_IN - n for n in range(per_page)]
    scopes = [s.scope for s in chosen if s.scope is not None]
    sql, params = generation_memo(
        request,
        f"search-present:{tab}:{per_page}:{scopes}",
        lambda: (
            queryset()
            .filter(pk__in=slots)
            .order_by()
            .values_list("pk", flat=True)
            .query.sql_with_params()
        ),
        store="search-readers" if scopes else None,
    )
    by_slot = dict(zip(slots, ids, strict=False))
    with connection.cursor() as cursor:
        cursor.execute(sql, [by_slot.get(p, p) if type(p) is int else p for p in params])
        return {row[0] for row in cursor.fetchall()}


@dataclass
class _Shown:
    """The page of results shown: the tab's sources, the ids, and how to load those whose
    hits are not cached."""

    sources: list
    ids: list
    load: Callable


def _answer(request, query, results, shown, outcome, facets, set_aside):
    """The answer with the page's results as hits and their markup, each made when used; the
    hits are highlighted for the words searched (the corrected ones after a "Mente du")."""
    results.object_list = SimpleLazyObject(partial(_hits, request, shown))
    results.outcome = outcome
    if results.number == 1:
        unanswered.record(query, sum(f.count for f in facets))
    searched = outcome.suggestion if outcome is not None and outcome.suggestion else query
    markup = partial(_hits_markup, shown, results.object_list, searched)
    return SearchAnswer(results, outcome, facets, [s.label for s in set_aside], markup)


def _page_counts(tab, query, chosen, newest, outcomes, relax):
    """{content type id: count} of all pages' results, in the query that finds them (with
    their results when all pages are shown); every page tab's count comes from it."""
    if chosen in (None, ALL_PAGES):
        outcomes[ALL_PAGES] = search(
            tab.queryset, query, newest_first_by=newest, count_by="content_type_id"
        )
        return outcomes[ALL_PAGES].by
    return count(tab.queryset, query, by="content_type_id", relax=relax)


def _all_pages(request, searchable):
    """The pages of every page source together; the same for everyone, so combined once per
    content generation in the process."""
    keys = ",".join(s.source.key for s in searchable)
    combine = partial(reduce, or_, [s.queryset for s in searchable])
    return compiled.kept_clone(generation_memo(request, f"search-all-pages:{keys}", combine))


def _tabs(request, searchable, since, shared=False):
    """Every tab: the pages of every type together first, then each source on its own. A
    date filter leaves out sources without dates. Unfiltered (`shared`, no date), pages that
    are the same for everyone are combined once per content generation in the process."""
    tabs = []
    for entry in searchable:
        source, queryset = entry.source, entry.queryset
        if since is not None:
            if source.date_field is None:
                continue
            queryset = queryset.filter(**{f"{source.date_field}__gte": since})
        tabs.append(
            Tab(source.key, source.label, queryset, source.date_field, [source], source.is_page)
        )
    pages = [t for t in tabs if t.is_page]
    if pages:
        if shared and since is None and all(t.sources[0].same_for_everyone for t in pages):
            combined = _all_pages(request, [s for s in searchable if s.source.is_page])
        else:
            combined = reduce(or_, [t.queryset for t in pages])
        sources = [t.sources[0] for t in pages]
        tabs.insert(
            0, Tab(ALL_PAGES, ALL_PAGES_LABEL, combined, pages[0].date_field, sources, False)
        )
    return tabs


def _hit_keys(shown):
    """{id: cache key} of the hits shown: a hit says the same to everyone who may find its
    object, so it is kept per object, language and search generation."""
    prefix = f"portal:search:{search_generation()}:hit:{get_language()}"
    kind = "page" if shown.sources[0].is_page else shown.sources[0].key
    return {pk: f"{prefix}:{kind}:{pk}" for pk in shown.ids}


def _hits(request, shown):
    """The results shown as `Hit`s, each source turning its own objects (one batch each, loaded
    by `shown.load`) unless the hit is cached."""
    if not shown.ids:
        return []
    keys = _hit_keys(shown)
    cached = cache.get_many(keys.values())
    hits = {pk: cached[key] for pk, key in keys.items() if key in cached}
    missing = [pk for pk in shown.ids if pk not in hits]
    if missing:
        objects = list(shown.load(missing))
        made = {}
        for turn in dict.fromkeys(source.hits for source in shown.sources):
            made.update(turn(objects, request))
        cache.set_many({keys[pk]: hit for pk, hit in made.items()}, HIT_CACHE_SECONDS)
        hits.update(made)
    return [hits[pk] for pk in shown.ids if pk in hits]


def _hits_markup(shown, hits, query):
    """The result list's items, highlighted for the query: kept per query, language, search
    generation and the objects shown, so it is the same for everyone who finds those objects
    (which the reader's access filter has already decided)."""
    if not shown.ids:
        return ""
    listed = ",".join(_hit_keys(shown).values())
    key = "portal:search:hits-markup:" + hashlib.sha256(f"{query}|{listed}".encode()).hexdigest()
    markup = cache.get(key)
    if markup is None:
        if not hits:
            return ""
        markup = hits_markup(hits, query)
        cache.set(key, markup, HIT_CACHE_SECONDS)
    return mark_safe(markup)
