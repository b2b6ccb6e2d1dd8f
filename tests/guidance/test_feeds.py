"""News feeds and the sitemap list live, public pages only, in well-formed XML."""

import datetime
import xml.etree.ElementTree as ET

import feedparser
import pytest

from guidance.models import NewsPage

pytestmark = [pytest.mark.django_db, pytest.mark.page_tree_once("news_index")]

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def news(make_news_page, make_private):
    make_news_page("Ny vejledning om styringsdialog", summary="Læs <b>den</b> nye vejledning.")
    make_news_page("Kladde til nyhed", live=False)
    make_private(make_news_page("Intern nyhed"))


@pytest.mark.parametrize("url", ["/nyheder/feed/rss/", "/nyheder/feed/atom/"])
def test_feed_lists_live_public_news_only(client, news, url):
    response = client.get(url)
    assert response.status_code == 200

    feed = feedparser.parse(response.content)

    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Nyheder fra Tilsynsportalen"
    assert [entry.title for entry in feed.entries] == ["Ny vejledning om styringsdialog"]
    entry = feed.entries[0]
    assert entry.link == "http://localhost/nyheder/ny-vejledning-om-styringsdialog/"
    assert "den" in entry.summary


def test_feeds_are_newest_first(client, make_news_page):
    make_news_page("Gammel", date=datetime.date(2025, 1, 1))
    make_news_page("Ny", date=datetime.date(2026, 1, 1))

    for url in ("/nyheder/feed/rss/", "/nyheder/feed/atom/"):
        feed = feedparser.parse(client.get(url).content)
        assert [entry.title for entry in feed.entries] == ["Ny", "Gammel"]


def test_an_item_is_dated_by_its_first_publication_not_by_a_later_one(client, make_news_page):
    page = make_news_page("Gammel", date=datetime.date(2024, 3, 14))
    first = datetime.datetime(2024, 3, 14, 8, 0, tzinfo=datetime.UTC)
    NewsPage.objects.filter(pk=page.pk).update(first_published_at=first)
    page.refresh_from_db()
    page.save_revision().publish()  # a correction today

    rss = feedparser.parse(client.get("/nyheder/feed/rss/").content).entries[0]
    atom = feedparser.parse(client.get("/nyheder/feed/atom/").content).entries[0]

    assert rss.published_parsed[:5] == (2024, 3, 14, 8, 0)
    assert atom.published_parsed[:5] == (2024, 3, 14, 8, 0)
    # Atom's `updated` says the item was corrected today.
    assert atom.updated_parsed[:3] == datetime.datetime.now(datetime.UTC).timetuple()[:3]


def test_feed_of_an_empty_news_section_is_valid(client, news_index):
    feed = feedparser.parse(client.get("/nyheder/feed/atom/").content)

    assert not feed.bozo
    assert feed.entries == []


def test_sitemap_lists_live_public_pages_only(
    client, news, make_guidance_page, make_private, guidance_index
):
    make_guidance_page("Offentlig vejledning", slug="offentlig")
    make_guidance_page("Kladde", slug="kladde", live=False)
    make_private(make_guidance_page("Privat vejledning", slug="privat"))

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls = {loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)}

    assert "http://localhost/vejledning/offentlig/" in urls
    assert "http://localhost/nyheder/ny-vejledning-om-styringsdialog/" in urls
    assert "http://localhost/" in urls
    assert not {url for url in urls if "kladde" in url or "privat" in url or "intern" in url}
