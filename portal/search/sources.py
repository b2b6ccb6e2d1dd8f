"""What the search page searches, and for whom. Each app registers its sources with the hook
`portal_search_sources` (a function returning `SearchSource`s) and its topics with
`portal_search_topics`, so portal imports none of them; a source's queryset is filtered by its
app's access module, so what a reader may not read never reaches results, counts or suggestions."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Q
from wagtail import hooks
from wagtail.models import Page

from portal import routing
from portal.search.texts import page_text, stored

SOURCES_HOOK = "portal_search_sources"
TOPICS_HOOK = "portal_search_topics"


@dataclass
class Hit:
    """One result as the page shows it: `text` is where the snippet is cut from, `context` a
    short line under the title (the network's name, an organisation's number)."""

    title: str
    url: str
    kind: str
    text: str = ""
    date: datetime.date | None = None
    context: str = ""

    def __post_init__(self):
        # Hits are cached per language: plain strings unpickle far faster than lazy ones.
        self.kind, self.context = str(self.kind), str(self.context)


@dataclass(frozen=True)
class SearchSource:
    """A tab of the search page. `queryset(user, topic)` is what the user may find (None: the
    source is not for this user); `hits(objects, request)` turns found objects into `Hit`s in
    one or two queries; `date_field` (a `FilterField`) dates results for the date filter and
    newest-first; `topics` says whether `queryset` applies the topic filter (if not, the source
    is set aside while a topic is chosen, and the page says so); `suggest_field` is the field
    autocomplete matches (None: not suggested). A page source (`is_page`) holds the pages of
    one `model`; all page sources are also searched together. `same_for_everyone`: the
    queryset depends on no reader, only on content (its generation), so it is built once per
    content generation in the process. Otherwise `reader_scope(user)` names, cheaply and
    exactly, what `queryset(user, None)` depends on besides content (a short string, None when
    the source is not for the user): answers kept for a reader are keyed by it, so it must
    change whenever their read rights do (or those changes must move the search generation)."""

    key: str
    label: str
    order: int
    queryset: Callable
    hits: Callable
    date_field: str | None = None
    topics: bool = False
    is_page: bool = False
    model: type | None = None
    suggest_field: str | None = "title"
    suggestion_url: Callable = field(default=lambda obj: obj.url)
    same_for_everyone: bool = False
    reader_scope: Callable | None = None


def page_hits(objects, request):
    """{pk: Hit} for found pages, from the pages as found and their texts stored when indexed
    (one query); a page indexed before texts were stored is loaded as its own type and its
    text worked out."""
    ids = [page.pk for page in objects]
    texts = stored(ids)
    missing = [pk for pk in ids if pk not in texts]
    if missing:
        texts.update(
            (page.pk, page_text(page)) for page in Page.objects.filter(pk__in=missing).specific()
        )
    return {
        page.pk: Hit(
            title=page.title,
            url=page.get_url(),
            kind=page.specific_class._meta.verbose_name,
            text=texts.get(page.pk, ""),
            date=page.first_published_at,
        )
        for page in objects
    }


def public_pages():
    """Live pages outside every private section, as `Page.objects.live().public()` but with the
    private sections taken from the routing memo rather than queried each time."""
    private = Q()
    for path in routing.restricted_paths():
        private |= Q(path__startswith=path)
    pages = Page.objects.live()
    return pages.exclude(private) if private else pages


def page_source(key, label, order, model, *, topics_field=None):
    """A source of published, public pages of one type (filterable by topic through the
    model's many-to-many `topics_field`, when it has one)."""

    def queryset(user, topic):
        pages = public_pages().type(model)
        if topic is not None:
            tagged = model.objects.filter(**{f"{topics_field}__slug": topic})
            pages = pages.filter(pk__in=tagged.values("pk"))
        return pages

    return SearchSource(
        key=key,
        label=label,
        order=order,
        queryset=queryset,
        hits=page_hits,
        date_field="first_published_at",
        topics=topics_field is not None,
        is_page=True,
        model=model,
        same_for_everyone=True,
    )


def registered_sources():
    """Every registered source, in tab order (`SearchSource.queryset` says for whom)."""
    found = [source for hook in hooks.get_hooks(SOURCES_HOOK) for source in hook()]
    return sorted(found, key=lambda source: source.order)


def topics():
    """(slug, name) of every topic the topic filter offers."""
    return [choice for hook in hooks.get_hooks(TOPICS_HOOK) for choice in hook()]
