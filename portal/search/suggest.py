"""Autocomplete for the search field: titles that contain what the reader has typed so far, from
every source the reader may search (so only what they may read)."""

from portal.search.page import available_sources

MIN_LENGTH = 2
PER_SOURCE = 4
LIMIT = 8


def suggestions(user, typed):
    """[{"label", "kind", "url"}] for the typed text: titles starting with it first."""
    typed = " ".join(typed.split())[:100]
    if len(typed) < MIN_LENGTH:
        return []
    found = []
    for searchable in available_sources(user):
        source = searchable.source
        if source.suggest_field is None:
            continue
        field = source.suggest_field
        matching = searchable.queryset.filter(**{f"{field}__icontains": typed}).order_by(field)
        for obj in matching[:PER_SOURCE]:
            label = getattr(obj, field)
            suggestion = {
                "label": label,
                "kind": str(source.label),
                "url": source.suggestion_url(obj),
            }
            found.append((not label.lower().startswith(typed.lower()), suggestion))
    found.sort(key=lambda item: item[0])
    return [suggestion for _later, suggestion in found[:LIMIT]]
