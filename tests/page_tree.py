"""The page tree's builders, for fixtures of any scope: each publishes through revisions, as the
admin does, so signals (search index, page cache generation) run exactly as in production."""

import itertools

from django.utils.text import slugify
from wagtail.models import Page, PageViewRestriction, Site

from portal.models import FooterSettings, HomePage

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
