"""The result list's items as markup, written here rather than by a template: the search page
is the portal's busiest, and a template's lookups, filters and lazy translations per hit cost
more than the rest of the list."""

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.text import capfirst
from django.utils.timezone import template_localtime

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
        about.append(escape(date_format(template_localtime(hit.date), "j. F Y")))
    title = highlight.highlight(hit.title, query, stems)
    text = highlight.snippet(hit.text, query, stems=stems) if hit.text else ""
    return (
        f'<li><h3><a href="{escape(hit.url)}">{title}</a></h3>'
        f'<p class="form-hint">{" · ".join(about)}</p>'
        + (f"<p>{text}</p>" if text else "")
        + "</li>"
    )
