"""The news, from `content/news/`: title, date and summary in the front matter."""

from guidance.models import NewsPage
from portal.demo import child

from . import content_files


def load_news(index):
    """Each news item, first published on its date (as the feeds show it)."""
    for slug, meta, body in content_files.read("news"):
        child(
            index,
            NewsPage,
            slug,
            published=meta["date"],
            title=meta["title"],
            date=meta["date"],
            summary=meta["summary"],
            body=body,
        )
