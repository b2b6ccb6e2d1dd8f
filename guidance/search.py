"""Search over published content: guidance, news, publications and events."""

import hashlib
import logging
import re

from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from elastic_transport import TransportError
from elasticsearch import ApiError
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from guidance.models import EventPage, GuidancePage, NewsPage, PublicationPage
from portal.cache import content_generation

# The content types a reader can filter on, keyed by the value used in the URL.
CONTENT_TYPES = {
    "vejledning": (GuidancePage, _("Vejledning")),
    "nyhed": (NewsPage, _("Nyheder")),
    "publikation": (PublicationPage, _("Analyser og rapporter")),
    "arrangement": (EventPage, _("Arrangementer")),
}

# Danish inflectional endings, longest first, stripped before highlighting so that the stem of
# "tilsynet" marks "tilsyn" and "tilsynets" too (the search engine itself stems properly).
_ENDINGS = ("ernes", "erne", "enes", "ene", "ets", "ens", "er", "en", "et", "es", "e", "s")

# What the search engine raises when it cannot be reached; the database then answers instead.
SEARCH_ENGINE_ERRORS = (TransportError, ApiError)

RESULTS_CACHE_SECONDS = 600

logger = logging.getLogger(__name__)


def searchable_pages(type_keys=(), topic=None):
    pages = Page.objects.live().public()
    models = [CONTENT_TYPES[k][0] for k in type_keys if k in CONTENT_TYPES]
    pages = pages.type(*(models or [m for m, _label in CONTENT_TYPES.values()]))
    if topic is not None:
        ids = [
            *GuidancePage.objects.filter(topics=topic).values_list("pk", flat=True),
            *PublicationPage.objects.filter(topics=topic).values_list("pk", flat=True),
        ]
        pages = pages.filter(pk__in=ids)
    return pages


def search_page(query, page_number, per_page, type_keys=(), topic=None):
    """One page of search results (pages, not yet specific).

    Results cover public pages only, so they are the same for every reader: a page of results
    is cached until published content changes, by its page ids and the total count.
    """
    # Only the words: SQLite's FTS5 fails on a lone quote and other query syntax.
    query = " ".join(re.findall(r"\w+", query))
    if not query:
        return Paginator([], per_page).get_page(1)
    key = _cache_key(query, page_number, per_page, type_keys, topic)
    cached = cache.get(key)
    if cached is None:
        results = _search(query, page_number, per_page, type_keys, topic)
        cached = ([page.pk for page in results], results.paginator.count, results.number)
        cache.set(key, cached, RESULTS_CACHE_SECONDS)
    ids, count, number = cached
    results = Paginator(range(count), per_page).get_page(number)
    by_pk = Page.objects.in_bulk(ids)
    results.object_list = [by_pk[pk] for pk in ids if pk in by_pk]
    return results


def _cache_key(query, page_number, per_page, type_keys, topic):
    parts = [query.lower(), str(page_number), str(per_page), ",".join(sorted(type_keys))]
    parts.append(str(topic.pk) if topic is not None else "")
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()
    return f"guidance:search:{content_generation()}:{digest}"


def _search(query, page_number, per_page, type_keys, topic):
    """One page of results from the search backend; during an outage the database answers."""
    pages = searchable_pages(type_keys, topic)
    try:
        return Paginator(pages.search(query, operator="and"), per_page).get_page(page_number)
    except SEARCH_ENGINE_ERRORS:
        logger.warning("Search engine unavailable; answering from the database search backend")
        results = get_search_backend("database").search(query, pages, operator="and")
        return Paginator(results, per_page).get_page(page_number)


def _stem(word):
    word = word.lower()
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def highlight(text, query):
    """The text, escaped, with every word sharing a stem with a query word wrapped in <mark>."""
    stems = {_stem(w) for w in re.findall(r"\w+", query) if len(w) > 1}
    pieces = []
    for piece in re.split(r"(\w+)", text):
        if stems and piece[:1].isalnum() and piece.lower().startswith(tuple(stems)):
            pieces.append(f"<mark>{escape(piece)}</mark>")
        else:
            pieces.append(escape(piece))
    return mark_safe("".join(pieces))
