"""The search page's answer: one tab's results, the count of every tab, and what the topic
filter sets aside. Each tab is searched through the same pipeline (`query.search`), whose
answers are cached per query, access filter and search generation."""

import hashlib
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial, reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.cache import generation_memo
from portal.search import unanswered
from portal.search.generation import search_generation
from portal.search.markup import hits_markup
from portal.search.query import RESULTS_CACHE_SECONDS, SearchOutcome, count, search
from portal.search.sources import registered_sources

ALL_PAGES = "alle"
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
    hits_markup: str = ""

    @property
    def facets_key(self):
        """Everything the facet list shows, for its cached markup."""
        return "|".join(f"{f.key}:{f.count}:{f.selected:d}" for f in self.facets)


def available_sources(user):
    """[(source, queryset)] of every source the user may search, each queryset built once; a
    source's that is the same for everyone once per content generation in the process."""
    shared = generation_memo(None, "search-shared-querysets", _shared_querysets)
    found = []
    for source in registered_sources():
        if source.same_for_everyone:
            queryset = shared[source.key].all()
        else:
            queryset = source.queryset(user, None)
        if queryset is not None and not queryset.query.is_empty():
            found.append((source, queryset))
    return found


def _shared_querysets():
    return {s.key: s.queryset(None, None) for s in registered_sources() if s.same_for_everyone}


def under_topic(user, searchable, topic):
    """The searchable sources under the topic, their querysets filtered by it, and the sources
    set aside because they have no topics."""
    if topic is None:
        return searchable, []
    chosen = [(source, source.queryset(user, topic)) for source, _qs in searchable if source.topics]
    set_aside = [source for source, _qs in searchable if not source.topics]
    return chosen, set_aside


def tab_keys(searchable):
    """The tabs a reader may choose: all pages together, then every source they may search."""
    return [ALL_PAGES, *(source.key for source, _qs in searchable)]


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
        kept = cache.get(key) if key else None
        if kept is not None:
            return _from_kept(request, query, searchable, kept, page, per_page)
    else:
        key = None
    searchable, set_aside = under_topic(request.user, searchable, topic)
    since = timezone.now() - timedelta(days=PERIODS[period]) if period in PERIODS else None
    tabs = _tabs(searchable, since, shared=topic is None)
    chosen = tab if any(t.key == tab for t in tabs) else None
    counts, outcomes, by_type = {}, {}, {}
    for t in sorted(tabs, key=lambda t: t.key != chosen):
        newest = t.date_field if sort == NEWEST else None
        relax = not any(o.count and o.relaxed is None for o in outcomes.values())
        if t.key == ALL_PAGES:
            by_type = _page_counts(t, query, chosen, newest, outcomes, relax)
            found = sum(by_type.values())
        elif t.is_page and t.key != chosen:
            found = by_type.get(ContentType.objects.get_for_model(t.sources[0].model).pk, 0)
        elif t.key == chosen or (chosen is None and not any(counts.values())):
            outcomes[t.key] = search(t.queryset, query, newest_first_by=newest)
            found = outcomes[t.key].count
        else:
            found = count(t.queryset, query, relax=relax)
        counts[t.key] = found
    facets = [Facet(t.key, t.label, counts[t.key]) for t in tabs]
    if chosen is None:
        chosen = next((f.key for f in facets if f.count), tabs[0].key if tabs else None)
    for facet in facets:
        facet.selected = facet.key == chosen
    outcome = outcomes.get(chosen)
    sources = next((t.sources for t in tabs if t.key == chosen), [])
    results = Paginator(outcome.results if outcome else [], per_page).get_page(page)
    objects = list(results.object_list)
    if key and outcome and outcome.count:
        cache.set(key, _Kept.of(chosen, facets, outcome, objects), RESULTS_CACHE_SECONDS)
    return _shown(request, query, results, objects, outcome, facets, sources, set_aside)


@dataclass
class _Kept:
    """What a repeated answer needs: the chosen tab, every tab's count, the outcome's count,
    suggestion and relaxation, and the ids of the recommended results and of the page shown
    (loaded again through the reader's queryset, so one no longer there is left out)."""

    chosen: str
    counts: list
    count: int
    suggestion: str | None
    relaxed: str | None
    promoted: list
    shown: list

    @classmethod
    def of(cls, chosen, facets, outcome, objects):
        return cls(
            chosen,
            [(f.key, f.count) for f in facets],
            outcome.count,
            outcome.suggestion,
            outcome.relaxed,
            [obj.pk for obj in outcome.promoted],
            [obj.pk for obj in objects],
        )


def _answer_key(query, searchable, tab, sort, page, per_page):
    """The kept answer's key: what was asked, the search generation, and which sources the
    reader may search with the SQL of each that depends on the reader (their access filter);
    None when a queryset cannot be written as SQL."""
    try:
        access = [
            source.key if source.same_for_everyone else f"{source.key}={queryset.query}"
            for source, queryset in searchable
        ]
    except EmptyResultSet:
        return None
    asked = "|".join(map(str, [query, tab, sort, page, per_page, *access]))
    digest = hashlib.sha256(asked.encode()).hexdigest()
    return f"portal:search:{search_generation()}:answer:{digest}"


def _from_kept(request, query, searchable, kept, page, per_page):
    tabs = _tabs(searchable, None, shared=True)
    counts = dict(kept.counts)
    facets = [Facet(t.key, t.label, counts[t.key], t.key == kept.chosen) for t in tabs]
    chosen = next(t for t in tabs if t.key == kept.chosen)
    loaded = chosen.queryset.in_bulk([*kept.shown, *kept.promoted])
    outcome = SearchOutcome(
        count=kept.count,
        suggestion=kept.suggestion,
        relaxed=kept.relaxed,
        promoted=[loaded[pk] for pk in kept.promoted if pk in loaded],
    )
    results = Paginator(range(kept.count), per_page).get_page(page)
    objects = [loaded[pk] for pk in kept.shown if pk in loaded]
    return _shown(request, query, results, objects, outcome, facets, chosen.sources, [])


def _shown(request, query, results, objects, outcome, facets, sources, set_aside):
    """The answer with the page's objects as hits and their markup."""
    results.object_list = _hits(request, objects, sources, query)
    results.outcome = outcome
    if results.number == 1:
        unanswered.record(query, sum(f.count for f in facets))
    markup = _hits_markup(objects, results.object_list, query)
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


def _tabs(searchable, since, shared=False):
    """Every tab: the pages of every type together first, then each source on its own. A
    date filter leaves out sources without dates. Unfiltered (`shared`, no date), pages that
    are the same for everyone are combined once per content generation in the process."""
    tabs = []
    for source, queryset in searchable:
        if since is not None:
            if source.date_field is None:
                continue
            queryset = queryset.filter(**{f"{source.date_field}__gte": since})
        tabs.append(
            Tab(source.key, source.label, queryset, source.date_field, [source], source.is_page)
        )
    pages = [t for t in tabs if t.is_page]
    if pages:
        querysets = [t.queryset for t in pages]
        if shared and since is None and all(t.sources[0].same_for_everyone for t in pages):
            keys = ",".join(t.key for t in pages)
            combine = partial(reduce, or_, querysets)
            combined = generation_memo(None, f"search-all-pages:{keys}", combine).all()
        else:
            combined = reduce(or_, querysets)
        sources = [t.sources[0] for t in pages]
        tabs.insert(
            0, Tab(ALL_PAGES, _("Alle sider"), combined, pages[0].date_field, sources, False)
        )
    return tabs


def _hits(request, objects, sources, query):
    """The found objects as `Hit`s, each source turning its own objects (one batch each) unless
    the hit is cached: a hit says the same to everyone who may find its object, so it is kept
    per object, language and search generation."""
    if not objects:
        return []
    prefix = f"portal:search:{search_generation()}:hit:{get_language()}"
    keys = {obj.pk: f"{prefix}:{obj._meta.label}:{obj.pk}" for obj in objects}
    cached = cache.get_many(keys.values())
    hits = {pk: cached[key] for pk, key in keys.items() if key in cached}
    missing = [obj for obj in objects if obj.pk not in hits]
    if missing:
        made = {}
        for turn in dict.fromkeys(source.hits for source in sources):
            made.update(turn(missing, request))
        cache.set_many({keys[pk]: hit for pk, hit in made.items()}, HIT_CACHE_SECONDS)
        hits.update(made)
    return [hits[obj.pk] for obj in objects if obj.pk in hits]


def _hits_markup(objects, hits, query):
    """The result list's items, highlighted for the query: kept per query, language, search
    generation and the objects shown, so it is the same for everyone who finds those objects
    (which the reader's access filter has already decided)."""
    if not hits:
        return ""
    shown = ",".join(f"{obj._meta.label}:{obj.pk}" for obj in objects)
    key = (
        f"portal:search:{search_generation()}:hits-markup:{get_language()}:"
        + hashlib.sha256(f"{query}|{shown}".encode()).hexdigest()
    )
    markup = cache.get(key)
    if markup is None:
        markup = hits_markup(hits, query)
        cache.set(key, markup, HIT_CACHE_SECONDS)
    return mark_safe(markup)
