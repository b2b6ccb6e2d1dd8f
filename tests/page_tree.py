"""The page tree's builders, for fixtures of any scope: each publishes through revisions, as the
admin does, so signals (search index, page cache generation) run exactly as in production."""

import datetime
import itertools

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, PageViewRestriction, Site

from guidance.models import (
    EventIndexPage,
    EventPage,
    GuidanceIndexPage,
    GuidancePage,
    NewsIndexPage,
    NewsPage,
    PublicationIndexPage,
    PublicationPage,
)
from portal.models import FooterSettings, HomePage, PortalDocument

_slugs = itertools.count(1)


def publish_child(parent, page, *, live=True):
    """Add `page` under `parent`; publish it, or leave it a draft with one revision."""
    if not page.slug:
        page.slug = slugify(page.title) or "side"
        if parent.get_children().filter(slug=page.slug).exists():
            page.slug = f"{page.slug}-{next(_slugs)}"
    page.live = live
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
        page.refresh_from_db()
    return page


def restrict_to_logged_in(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


def make_home():
    """The home page as the root of the default site, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    page = publish_child(root, HomePage(title="Tilsynsportalen", slug="forside"))
    Site.objects.all().delete()
    site = Site.objects.create(
        hostname="localhost", port=80, root_page=page, is_default_site=True, site_name="Test"
    )
    FooterSettings.objects.create(site=site, contact_email="tilsyn@bpst.dk")
    Page.objects.filter(depth=2).exclude(pk=page.pk).delete()
    return page


def guidance_index(home):
    return publish_child(
        home, GuidanceIndexPage(title="Vejledning", slug="vejledning", show_in_menus=True)
    )


def news_index(home):
    return publish_child(home, NewsIndexPage(title="Nyheder", slug="nyheder", show_in_menus=True))


def publication_index(home):
    return publish_child(
        home,
        PublicationIndexPage(
            title="Analyser og rapporter", slug="analyser-og-rapporter", show_in_menus=True
        ),
    )


def event_index(home):
    return publish_child(home, EventIndexPage(title="Arrangementer", slug="arrangementer"))


def make_event(index, title="Tilsynskonferencen 2027", *, days_ahead=30, hours=6, **fields):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days_ahead)
    fields.setdefault("venue_name", "Bolig- og Planstyrelsen")
    fields.setdefault("venue_address", "Dalgasgade 8, 7400 Herning")
    return publish_child(
        index,
        EventPage(title=title, start=start, end=start + datetime.timedelta(hours=hours), **fields),
    )


def make_guidance_page(
    index, title="Vejledning om tilsyn", *, text="", topics=(), live=True, **fields
):
    fields.setdefault("summary", "")
    fields.setdefault("last_reviewed", datetime.date(2026, 3, 1))
    fields.setdefault("content_owner", "Center for Bolig")
    fields.setdefault("body", [("paragraph", f"<p>{text or title}</p>")])
    page = GuidancePage(title=title, **fields)
    publish_child(index, page, live=False)
    if topics:
        page.topics.set(topics)
    revision = page.save_revision()
    if live:
        revision.publish()
        page.refresh_from_db()
    return page


def make_news_page(index, title="Nyhed", *, text="", live=True, **fields):
    fields.setdefault("date", datetime.date(2026, 4, 1))
    fields.setdefault("body", [("paragraph", f"<p>{text or title}</p>")])
    return publish_child(index, NewsPage(title=title, **fields), live=live)


def make_document(title="Styringsrapport 2026", name="styringsrapport.pdf", **fields):
    """A PDF document, stored under the MEDIA_ROOT in force."""
    document = PortalDocument(title=title, **fields)
    document.file.save(name, ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
    document.save()
    return document


def make_publication_page(index, title="Analyse af det kommunale tilsyn", *, live=True, **fields):
    fields.setdefault("publication_date", datetime.date(2026, 2, 1))
    page = PublicationPage(title=title, **fields)
    page.attachments.create(document=make_document(), title="Hele analysen")
    return publish_child(index, page, live=live)


def full_guidance_body(related_pages=()):
    """A guidance body with every design-system block a guidance page can hold."""
    document = make_document(description="Skabelon til dagsorden.")
    body = [
        ("heading", {"text": "Forberedelse", "level": "h2"}),
        ("paragraph", "<p>Tilsynet forbereder styringsdialogen i god tid.</p>"),
        ("callout", {"variant": "warning", "heading": "", "text": "<p>Husk fristen.</p>"}),
        (
            "legal_reference",
            {
                "act": "Almenboligloven",
                "section": "§ 164, stk. 1",
                "url": "https://www.retsinformation.dk/eli/lta/2024/1000",
                "note": "Kommunen fører tilsyn med boligorganisationerne.",
            },
        ),
        ("checklist", {"heading": "Før mødet", "items": ["Læs rapporten", "Send dagsorden"]}),
        (
            "accordion",
            {
                "heading": "Ofte stillede spørgsmål",
                "items": [
                    {"question": "Hvornår holdes mødet?", "answer": "<p>Én gang om året.</p>"}
                ],
            },
        ),
        (
            "table",
            {
                "data": [["Måned", "Opgave"], ["Marts", "Indkaldelse"], ["Maj", "Møde"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Årshjul",
            },
        ),
        ("documents", {"heading": "Skabeloner", "documents": [document]}),
    ]
    if related_pages:
        body.append(("related", {"heading": "Relateret vejledning", "pages": list(related_pages)}))
    return body
