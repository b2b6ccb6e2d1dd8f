"""The standard pages, from `content/pages/`: the page about the three initiatives, a page about
each (parent: the page above it; initiative: shown on the home page) and the footer's pages
(footer: accessibility or privacy)."""

from portal.demo import child, set_footer_pages
from portal.models import StandardPage

from . import content_files


def load_pages(home):
    pages, initiatives, footer = {}, [], {}
    for slug, meta, body in content_files.read("pages"):
        parent = pages[meta["parent"]] if "parent" in meta else home
        page = child(
            parent,
            StandardPage,
            slug,
            published=meta["published"],
            title=meta["title"],
            summary=meta["summary"],
            body=body,
        )
        pages[slug] = page
        if meta.get("initiative"):
            initiatives.append(page)
        if "footer" in meta:
            footer[meta["footer"]] = page
    if not home.initiatives:
        home.initiatives = [
            ("initiative", {"title": page.title, "text": page.summary, "page": page})
            for page in initiatives
        ]
        home.save_revision().publish()
    set_footer_pages(**footer)
