"""The result list's items and the facets as markup, written here rather than by a template:
the search page is the portal's busiest, and a template's lookups, filters and lazy
translations per hit cost more than the rest of the list."""

import functools
from datetime import datetime

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.timezone import template_localtime
from django.utils.translation import get_language, gettext, ngettext

from portal.search import highlight


def hits_markup(hits, query):
    """The list items of the hits, title and snippet highlighted for the query."""
    stems = highlight.query_stems(query)
    return "".join(_item(hit, query, stems) for hit in hits)


def _item(hit, query, stems):
    about = [escape(capfirst(hit.kind))]
    if hit.context:
        about.append(escape(hit.context))
    if hit.date:
        day = template_localtime(hit.date)
        about.append(_day(day.date() if isinstance(day, datetime) else day, get_language()))
    title = highlight.highlight(hit.title, query, stems)
    text = highlight.snippet(hit.text, query, stems=stems) if hit.text else ""
    return (
        f'<li><h3><a href="{escape(hit.url)}">{title}</a></h3>'
        f'<p class="form-hint">{" · ".join(about)}</p>'
        + (f"<p>{text}</p>" if text else "")
        + "</li>"
    )


@functools.lru_cache(maxsize=4096)
def _day(day, language):
    """A result's day as the page writes it, in the language (part of the key)."""
    return escape(date_format(day, "j. F Y"))


def facets_markup(facets, query_string):
    """The facet list: a link to each tab with its count, the chosen one marked."""
    items = "".join(
        f'<li><a href="?{escape(query_string)}&amp;type={escape(facet.key)}"'
        + (' aria-current="page"' if facet.selected else "")
        + f'>{escape(facet.label)} <span class="search-facet-count">('
        + escape(
            ngettext("%(counter)s resultat", "%(counter)s resultater", facet.count)
            % {"counter": facet.count}
        )
        + ")</span></a></li>"
        for facet in facets
    )
    label = escape(gettext("Resultater efter type"))
    return mark_safe(
        f'<nav class="search-facets" aria-label="{label}">'
        f'<ul class="nobullet-list">{items}</ul></nav>'
    )
