"""The plain text of each page a search result's snippet is cut from: written when the page is
indexed (`store`), read in one query while a search answers (`stored`)."""

from wagtail.models import Page

from portal.search import compiled
from portal.search.models import PageText

# Never evaluated: the queryset whose SQL `stored` is compiled from, once per process.
_ALL_TEXTS = PageText.objects.all()


def page_text(page):
    """The specific page's summary and the searchable text of its body."""
    text = [getattr(page, "summary", "")]
    body = getattr(page, "body", None)
    if body is not None:
        text += type(page)._meta.get_field("body").get_searchable_content(body)
    return " ".join(t for t in text if t)


def store(objects):
    """Store the text of the pages among freshly indexed objects; a page loaded as a plain
    `Page` (not its own type) holds no body and is left out."""
    rows = [
        PageText(page_id=obj.pk, text=page_text(obj))
        for obj in objects
        if isinstance(obj, Page) and type(obj) is obj.specific_class
    ]
    if rows:
        PageText.objects.bulk_create(
            rows, update_conflicts=True, unique_fields=["page"], update_fields=["text"]
        )


def stored(page_ids):
    """{page id: text} of the pages whose text is stored (SQL compiled once per number)."""
    rows = compiled.rows_by_id(_ALL_TEXTS, page_ids, ["page_id", "text"])
    if rows is None:
        rows = PageText.objects.filter(page_id__in=page_ids).values_list("page_id", "text")
    return dict(rows)
