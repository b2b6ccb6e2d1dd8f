"""Benchmark content: the demo skeleton, then guidance, news and publications in bulk.

Pages are created live through Wagtail's tree (`add_child`) but without revisions, as an import
would: readers' pages never look at revisions. They are indexed for search in bulk, batch by
batch (bench/settings.py turns the per-save update off), and the admin's reference index is
left alone; publishing 5,000 revisions one by one would make the benchmark slow to build.
"""

import datetime
import itertools
import random

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update

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


def add_live(parent, page):
    now = timezone.now()
    page.live = True
    page.first_published_at = page.last_published_at = now
    parent.add_child(instance=page)
    return page


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
        return add_live(guidance_index, page)

    def new_news(n):
        return add_live(
            news_index,
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
        return add_live(publication_index, page)

    plan = [
        (GuidancePage, guidance_count, new_guidance),
        (NewsPage, round(guidance_count * NEWS_PER_GUIDANCE), new_news),
        (PublicationPage, round(guidance_count * PUBLICATIONS_PER_GUIDANCE), new_publication),
    ]
    with disable_reference_index_auto_update():
        for model, target, make in plan:
            numbers = itertools.count(model.objects.count() + 1)
            missing = target - model.objects.count()
            while missing > 0:
                with transaction.atomic():
                    index(model, [make(next(numbers)) for _ in range(min(BATCH, missing))])
                missing -= BATCH
        index(GuidancePage, [showcase(guidance_index, docs, rng)])


def index(model, pages):
    for backend in get_search_backends():
        backend.add_bulk(model, [page for page in pages if page is not None])


def showcase(guidance_index, docs, rng):
    """The measured guidance page: 20 blocks, 5 related pages, two topics."""
    if GuidancePage.objects.filter(slug=SHOWCASE_SLUG).exists():
        return None
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
    return add_live(guidance_index, page)
