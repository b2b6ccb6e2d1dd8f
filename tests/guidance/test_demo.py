"""The demo content: it loads twice without duplicates, and every page of it renders."""

import datetime
import re

import feedparser
import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from events import registration
from guidance.demo import content_files
from guidance.models import (
    EventPage,
    EventRegistration,
    GuidancePage,
    NewsPage,
    PublicationPage,
    Speaker,
    Topic,
)
from guidance.reports import review_due_before
from portal.models import FooterSettings, HomePage, PortalDocument, StandardPage

pytestmark = pytest.mark.django_db


def demo_counts():
    """What loading the demo again must not change (read by the `first_load` fixture)."""
    return {
        "pages": Page.objects.count(),
        "documents": PortalDocument.objects.count(),
        "speakers": Speaker.objects.count(),
        "registrations": EventRegistration.objects.count(),
        "users": get_user_model().objects.count(),
    }


def _text(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def _download(client, document):
    response = client.get(document.url)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_loading_the_demo_again_creates_nothing_new(first_load):
    assert demo_counts() == first_load


def test_guidance_covers_many_topics_with_reviews_owners_and_varied_blocks(first_load):
    pages = GuidancePage.objects.live()
    year_ago = datetime.date.today() - datetime.timedelta(days=365)

    assert pages.count() >= 30
    assert Topic.objects.filter(guidance_pages__live=True).distinct().count() >= 8
    assert pages.filter(last_reviewed__lt=year_ago).exists()  # the review report has entries
    assert not pages.filter(content_owner="").exists()
    block_types = {block.block_type for page in pages for block in page.body}
    assert {"heading", "paragraph", "callout", "legal_reference", "checklist"} <= block_types
    assert {"accordion", "table", "documents", "related"} <= block_types
    legal_urls = {
        block.value["url"]
        for page in pages
        for block in page.body
        if block.block_type == "legal_reference" and block.value["url"]
    }
    assert legal_urls and all(
        url.startswith("https://www.retsinformation.dk/") for url in legal_urls
    )
    faq_pages = pages.filter(slug__startswith="ofte-stillede-spoergsmaal-")
    assert faq_pages.count() >= 4
    assert all(any(b.block_type == "accordion" for b in page.body) for page in faq_pages)


def test_every_demo_page_and_topic_renders_for_anonymous_readers(client, first_load):
    urls = [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]
    urls += [f"/vejledning/emne/{topic.slug}/" for topic in Topic.objects.all()]

    failures = [(url, client.get(url).status_code) for url in urls]

    assert len(urls) > 50
    assert [(url, status) for url, status in failures if status != 200] == []


def _heading_level(block):
    """The heading level a block renders (checklists have an h3), or None."""
    if block.block_type == "heading":
        return int(block.value["level"][1])
    if block.block_type == "checklist":
        return 3
    if block.block_type in ("accordion", "documents", "related") and block.value["heading"]:
        return 2
    return None


def test_demo_bodies_never_skip_from_the_page_title_to_an_h3(first_load):
    """axe-core's heading-order rule: an h3 needs an h2 before it on the page."""
    skipped = []
    for page in Page.objects.live().specific():
        levels = [_heading_level(block) for block in getattr(page, "body", [])]
        levels = [level for level in levels if level]
        if levels and 3 in levels and (2 not in levels or levels.index(3) < levels.index(2)):
            skipped.append(page.url_path)

    assert skipped == []


def test_home_page_presents_the_three_initiatives(client, first_load):
    home = HomePage.objects.get()
    content = _text(client.get("/"))

    assert len(home.initiatives) == 3
    for block in home.initiatives:
        page = block.value["page"]
        assert page.live and f'href="{page.url}"' in content
        assert block.value["title"] in content


def test_full_event_shows_its_waiting_list(client, first_load):
    event = EventPage.objects.get(slug="netvaerksdag-styringsdialog-i-praksis")
    seats = registration.seat_status(event)

    content = _text(client.get(event.url))

    assert seats.is_full and seats.waiting >= 2
    assert "Arrangementet er fuldt" in content and "ventelisten" in content


def test_upcoming_conference_is_open_for_registration(client, first_load):
    event = EventPage.objects.get(slug="tilsynskonferencen-2027")

    content = _text(client.get(event.url))

    assert event.registration_open and not registration.seat_status(event).is_full
    assert "ledige pladser" in content


def test_past_conference_has_programme_speakers_slides_and_recordings(client, first_load):
    event = EventPage.objects.get(slug="tilsynskonferencen-2025")
    talks = event.sessions.exclude(speakers=None).distinct()

    content = _text(client.get(event.url))

    assert event.end.year == 2025 and talks.count() >= 5
    assert all(talk.slides and talk.recording_url for talk in talks)
    assert "Tilmeldingen er lukket" in content
    assert content.count("Slides:") == talks.count()
    assert "https://vimeo.com/76979871" in content
    assert "Jens Kjærgaard Madsen (Aarhus Kommune)" in content
    assert _download(client, talks.first().slides).startswith(b"%PDF-")


def test_2021_analysis_offers_its_pdf(client, first_load):
    analysis = PublicationPage.objects.get(slug="analyse-af-tilsyn-med-almene-boligorganisationer")
    attachment = analysis.attachments.get()

    content = _text(client.get(analysis.url))
    pdf = _download(client, attachment.document)

    assert analysis.publication_date.year == 2021
    assert f'href="{attachment.document.url}"' in content
    # A structurally valid PDF: the cross-reference table sits where the trailer says it does
    # and every entry points at its object.
    xref = int(re.search(rb"startxref\n(\d+)\n%%EOF", pdf).group(1))
    assert pdf[xref:].startswith(b"xref")
    offsets = [int(o) for o in re.findall(rb"(\d{10}) 00000 n ", pdf)]
    assert [pdf[o:].split(b" ", 1)[0] for o in offsets] == [
        str(n).encode() for n in range(1, len(offsets) + 1)
    ]


def test_footer_links_the_accessibility_statement_and_the_privacy_policy(client, first_load):
    footer = FooterSettings.objects.get()

    accessibility = _text(client.get(footer.accessibility_page.url))
    privacy = _text(client.get(footer.privacy_page.url))

    assert "WCAG 2.1" in accessibility and "Digitaliseringsstyrelsen" in accessibility
    assert "/konto/profil/mine-data/" in privacy and "/konto/profil/slet/" in privacy
    assert "Slettet bruger" in privacy and "Datatilsynet" in privacy


def test_review_report_shows_a_few_overdue_guidance_pages_not_half(first_load):
    pages = GuidancePage.objects.live()
    overdue = pages.filter(last_reviewed__lt=review_due_before())

    assert pages.count() >= 30
    assert 2 <= overdue.count() <= 5, list(overdue.values_list("title", flat=True))


def test_feed_items_are_dated_by_their_first_publication_over_the_past_years(client, first_load):
    entries = feedparser.parse(client.get("/nyheder/feed/atom/").content).entries
    published = [datetime.date(*entry.published_parsed[:3]) for entry in entries]
    news_dates = dict(NewsPage.objects.values_list("title", "date"))

    assert len(entries) == NewsPage.objects.count() >= 5
    assert all(day < datetime.date.today() for day in published)
    assert len({day.year for day in published}) >= 3
    assert [news_dates[entry.title] for entry in entries] == published


def test_guidance_was_first_published_over_the_years_before_its_last_review(first_load):
    pages = GuidancePage.objects.live()
    years = {page.first_published_at.year for page in pages}

    assert len(years) >= 3
    assert all(page.first_published_at.date() <= page.last_reviewed for page in pages)


@pytest.mark.parametrize(
    "folder, model",
    [("news", NewsPage), ("publications", PublicationPage), ("pages", StandardPage)],
)
def test_news_publications_and_standard_pages_are_read_from_their_content_files(
    first_load, folder, model
):
    files = {slug: meta["title"] for slug, meta, _body in content_files.read(folder)}

    assert (
        files and dict(model.objects.filter(slug__in=files).values_list("slug", "title")) == files
    )
