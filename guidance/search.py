"""Search over published content: guidance, news, publications and events."""

import re

from django.core.paginator import Paginator
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from guidance.models import EventPage, GuidancePage, NewsPage, PublicationPage
from portal.search import unanswered
from portal.search.query import search

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
    """One page of search results (pages, not yet specific), with the outcome's suggestion.

    The pipeline caches its answers until the index changes; a query that finds little is
    logged for the editors.
    """
    outcome = search(searchable_pages(type_keys, topic), query)
    results = Paginator(outcome.results, per_page).get_page(page_number)
    results.outcome = outcome
    if results.number == 1:
        unanswered.record(query, outcome.count)
    return results


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
