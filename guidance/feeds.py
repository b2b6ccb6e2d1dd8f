"""News as RSS 2.0 and Atom 1.0, listing only live, public news pages."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from guidance.models import NewsPage


class NewsRssFeed(Feed):
    title = _("Nyheder fra Tilsynsportalen")
    description = _("Nyt om det kommunale tilsyn med almene boligorganisationer.")
    link = "/nyheder/"

    def items(self):
        return NewsPage.objects.live().public().order_by("-date", "-pk")[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.full_url

    def item_pubdate(self, item):
        """When the item was first published; republishing a correction does not move it."""
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
