"""Autocomplete for the search field: titles with a word starting with what the reader has typed
so far, from every source the reader may search (so only what they may read). The backend's
autocomplete index answers (a prefix index of the titles), so no title is scanned."""

from wagtail.search.backends import get_search_backend

from portal.search.page import available_sources
from portal.search.query import ask_with_fallback

MIN_LENGTH = 2
PER_SOURCE = 4
LIMIT = 8


def suggestions(user, typed):
    """[{"label", "kind", "url"}] for the typed text: titles starting with it first."""
    typed = " ".join(typed.split())[:100]
    if len(typed) < MIN_LENGTH:
        return []
    found = []
    for source, queryset in available_sources(user)[0]:
        if source.suggest_field is None:
            continue
        for obj in ask_with_fallback(_autocomplete, queryset, typed, source.suggest_field):
            label = getattr(obj, source.suggest_field)
            suggestion = {
                "label": label,
                "kind": str(source.label),
                "url": source.suggestion_url(obj),
            }
            found.append((not label.lower().startswith(typed.lower()), suggestion))
    found.sort(key=lambda item: item[0])
    return [suggestion for _later, suggestion in found[:LIMIT]]


def _autocomplete(backend, queryset, typed, field):
    """The queryset's first objects whose `field` (the model's `AutocompleteField`, read from
    the index rather than the table) has words starting with every typed word."""
    results = get_search_backend(backend).autocomplete(typed, queryset, operator="and")
    return list(results[:PER_SOURCE])
