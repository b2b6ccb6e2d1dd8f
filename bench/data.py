"""Benchmark content: the demo skeleton, then guidance, news and publications in bulk.

Pages are written live in bulk, batch by batch, as an import would: their rows go straight into
Wagtail's tree (paths after the parent's last child, as `add_child` gives them) with one INSERT
per table and batch, without revisions (readers' pages never look at revisions). Each batch is
indexed for search in bulk and its words added to the vocabulary of "Mente du"; the admin's
reference index is left alone. Saving 5,000 pages one by one took most of an hour here.
"""

import datetime
import itertools
import random

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backends

from guidance.demo.structure import load_structure
from guidance.models import (
    GuidanceIndexPage,
    GuidancePage,
    NewsIndexPage,
    NewsPage,
    PublicationAttachment,
    PublicationIndexPage,
    PublicationPage,
    Topic,
)
from portal import demo as portal_demo
from portal.models import PortalDocument
from portal.search import texts, vocabulary
from portal.search.index import indexed_text

# The page every guidance figure is measured on: 20 blocks and 5 related pages (issue 3).
SHOWCASE_SLUG = "bench-vejledning"
# Per guidance page, how many news items and publications come along.
NEWS_PER_GUIDANCE = 1 / 10
PUBLICATIONS_PER_GUIDANCE = 1 / 50
BATCH = 250

SUBJECTS = [
    "Tilsynet",
    "Kommunen",
    "Boligorganisationen",
    "Afdelingsbestyrelsen",
    "Repræsentantskabet",
    "Revisor",
    "Styringsdialogen",
    "Landsbyggefonden",
]
VERBS = ["gennemgår", "vurderer", "drøfter", "godkender", "følger op på", "dokumenterer"]
OBJECTS = [
    "budgettet for det kommende år",
    "regnskabet og revisionsprotokollen",
    "afdelingernes vedligeholdelsesplaner",
    "dispositionsfondens udvikling",
    "huslejens niveau i afdelingerne",
    "effektiviteten i driften",
    "beboerdemokratiets beslutninger",
    "lånoptagelse og sikkerhedsstillelse",
    "tomgang og udlejningssituationen",
    "aftalerne fra sidste års møde",
    "kommunens tilsyn med afdelingerne",
]
TITLE_WORDS = [
    "Budget",
    "Regnskab",
    "Styringsrapport",
    "Vedligeholdelse",
    "Huslejestigning",
    "Dispositionsfond",
    "Beboermøde",
    "Revision",
    "Udlejning",
    "Sanktioner",
]


def sentence(rng):
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}."


def paragraph(rng, sentences=4):
    return "<p>" + " ".join(sentence(rng) for _ in range(sentences)) + "</p>"


def guidance_body(rng, documents, related=(), blocks=8):
    """A body of `blocks` design-system blocks, ending with related guidance when given."""
    choices = [
        lambda: ("heading", {"text": rng.choice(TITLE_WORDS), "level": "h2"}),
        lambda: ("paragraph", paragraph(rng)),
        lambda: ("paragraph", paragraph(rng, 6)),
        lambda: ("callout", {"variant": "warning", "heading": "", "text": paragraph(rng, 1)}),
        lambda: (
            "legal_reference",
            {
                "act": "Almenboligloven",
                "section": f"§ {rng.randint(6, 170)}",
                "url": "https://www.retsinformation.dk/eli/lta/2024/1000",
                "note": sentence(rng),
            },
        ),
        lambda: ("checklist", {"heading": "Tjekliste", "items": [sentence(rng) for _ in "abc"]}),
        lambda: (
            "accordion",
            {
                "heading": "Ofte stillede spørgsmål",
                "items": [{"question": f"{sentence(rng)[:-1]}?", "answer": paragraph(rng, 2)}],
            },
        ),
        lambda: (
            "table",
            {
                "data": [["Måned", "Opgave"], ["Marts", sentence(rng)], ["Maj", sentence(rng)]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": "Årshjul",
            },
        ),
        lambda: ("documents", {"heading": "Skabeloner", "documents": rng.sample(documents, 2)}),
    ]
    body = [rng.choice(choices)() for _ in range(blocks - (1 if related else 0))]
    if related:
        body.append(("related", {"heading": "Relateret vejledning", "pages": list(related)}))
    return body


def documents():
    """A few shared documents for download blocks and publication attachments."""
    existing = list(PortalDocument.objects.filter(title__startswith="Benchmark-bilag"))
    for n in range(len(existing), 4):
        document = PortalDocument(title=f"Benchmark-bilag {n + 1}")
        document.file.save(f"bilag-{n + 1}.pdf", ContentFile(b"%PDF-1.4\n%%EOF\n"), save=False)
        document.save()
        existing.append(document)
    return existing


@transaction.atomic
def skeleton():
    """The demo's home page, section index pages, footer pages and users."""
    home = portal_demo.home_page()
    load_structure(home)
    portal_demo.load_users()


def live(page):
    """The page made live, for `add_live_in_bulk` (its topics and attachments stay in memory)."""
    now = timezone.now()
    page.live = True
    page.first_published_at = page.last_published_at = now
    page.draft_title = page.title
    return page


@transaction.atomic
def add_live_in_bulk(parent, pages):
    """Write pages of one type as the parent's next children: one INSERT per table for the
    pages, one for their topics, one for their attachments; then index them."""
    if not pages:
        return
    children = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
    last = children.order_by("path").last()
    first = last._get_lastpos_in_path() + 1 if last else 1
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    for n, page in enumerate(pages, start=first):
        page.path = Page._get_path(parent.path, parent.depth + 1, n)
        page.depth, page.numchild = parent.depth + 1, 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id, page.content_type = parent.locale_id, content_type
    base_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    rows = Page._base_manager._insert(
        pages, fields=base_fields, returning_fields=[Page._meta.pk], using="default"
    )
    for page, (pk,) in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = pk
    model._base_manager._insert(pages, fields=model._meta.local_concrete_fields, using="default")
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    _write_children(model, pages)
    index(model, pages)


def _write_children(model, pages):
    """The in-memory topics and attachments of freshly inserted pages."""
    if hasattr(model, "topics"):
        field = model._meta.get_field("topics")
        through = field.remote_field.through
        through.objects.bulk_create(
            through(**{field.m2m_column_name(): page.pk, field.m2m_reverse_name(): topic.pk})
            for page in pages
            for topic in page.topics.all()
        )
    if hasattr(model, "attachments"):
        attachments = []
        for page in pages:
            for attachment in page.attachments.all():
                attachment.page_id = page.pk
                attachments.append(attachment)
        model._meta.get_field("attachments").related_model.objects.bulk_create(attachments)


def grow(guidance_count, seed=2026):
    """Add pages until there are `guidance_count` guidance pages, plus news and publications."""
    guidance_index = GuidanceIndexPage.objects.get()
    news_index = NewsIndexPage.objects.get()
    publication_index = PublicationIndexPage.objects.get()
    topics = list(Topic.objects.all())
    docs = documents()
    rng = random.Random(seed + GuidancePage.objects.count())
    today = datetime.date(2026, 6, 1)

    def new_guidance(n):
        page = GuidancePage(
            title=f"{rng.choice(TITLE_WORDS)} i praksis {n}",
            slug=f"vejledning-{n}",
            summary=sentence(rng) + " " + sentence(rng),
            body=guidance_body(rng, docs, blocks=rng.randint(4, 12)),
            last_reviewed=today - datetime.timedelta(days=rng.randint(0, 700)),
            content_owner="Center for Bolig",
        )
        page.topics = rng.sample(topics, rng.randint(1, 2))
        return live(page)

    def new_news(n):
        return live(
            NewsPage(
                title=f"Nyt om {rng.choice(TITLE_WORDS).lower()} {n}",
                slug=f"nyhed-{n}",
                summary=sentence(rng),
                date=today - datetime.timedelta(days=n % 900),
                body=[("paragraph", paragraph(rng))],
            ),
        )

    def new_publication(n):
        page = PublicationPage(
            title=f"Analyse af {rng.choice(OBJECTS)} {n}",
            slug=f"publikation-{n}",
            summary=sentence(rng),
            publication_date=today - datetime.timedelta(days=n % 1500),
            body=[("paragraph", paragraph(rng, 6))],
        )
        page.topics = rng.sample(topics, 1)
        page.attachments = [PublicationAttachment(document=rng.choice(docs), title="Rapporten")]
        return live(page)

    plan = [
        (GuidancePage, guidance_count, new_guidance),
        (NewsPage, round(guidance_count * NEWS_PER_GUIDANCE), new_news),
        (PublicationPage, round(guidance_count * PUBLICATIONS_PER_GUIDANCE), new_publication),
    ]
    parents = {
        GuidancePage: guidance_index,
        NewsPage: news_index,
        PublicationPage: publication_index,
    }
    for model, target, make in plan:
        numbers = itertools.count(model.objects.count() + 1)
        missing = target - model.objects.count()
        while missing > 0:
            batch = [make(next(numbers)) for _ in range(min(BATCH, missing))]
            add_live_in_bulk(parents[model], batch)
            missing -= BATCH
    add_live_in_bulk(guidance_index, showcase(docs, rng))


def index(model, pages):
    """Index the pages in every backend and add their words to the vocabulary."""
    for backend in get_search_backends():
        backend.add_bulk(model, pages)
    texts.store(pages)
    vocabulary.add_text(" ".join(indexed_text(page) for page in pages))


def showcase(docs, rng):
    """The measured guidance page: 20 blocks, 5 related pages, two topics."""
    if GuidancePage.objects.filter(slug=SHOWCASE_SLUG).exists():
        return []
    related = list(GuidancePage.objects.live().order_by("pk")[:5])
    page = GuidancePage(
        title="Styringsdialog med en boligorganisation i økonomiske vanskeligheder",
        slug=SHOWCASE_SLUG,
        summary="Sådan følger tilsynet op, når en boligorganisation har økonomiske vanskeligheder.",
        body=guidance_body(rng, docs, related=related, blocks=20),
        last_reviewed=datetime.date(2026, 5, 1),
        content_owner="Center for Bolig",
    )
    page.topics = list(Topic.objects.filter(slug__in=["styringsdialog", "oekonomi"]))
    return [live(page)]
