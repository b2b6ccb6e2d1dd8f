"""Builds guidance pages from the content modules, then links related guidance between them.

A page spec is a dict: slug, title, summary, topics (topic slugs), reviewed (date), owner,
body (blocks from `blocks`) and optionally related (slugs of other guidance pages).
"""

from guidance.models import GuidancePage, Topic

from . import (
    guidance_pages_economy,
    guidance_pages_faq,
    guidance_pages_foundation,
    guidance_pages_governance,
    guidance_pages_operations,
)
from .blocks import related

CONTENT_MODULES = [
    guidance_pages_foundation,
    guidance_pages_economy,
    guidance_pages_operations,
    guidance_pages_governance,
    guidance_pages_faq,
]

OWNER_EMAILS = {
    "Center for Bolig, Tilsynsteamet": "tilsyn@bpst.dk",
    "Center for Bolig, Økonomi og data": "noegletal@bpst.dk",
    "Center for Bolig, Jura": "boligjura@bpst.dk",
}


def specs():
    return [spec for module in CONTENT_MODULES for spec in module.pages()]


def load_guidance(index):
    """Create missing pages as drafts first, so each can be published once with its links."""
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    all_specs = specs()
    pages, new = {}, []
    for spec in all_specs:
        page = GuidancePage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if page is None:
            page = GuidancePage(
                slug=spec["slug"],
                title=spec["title"],
                summary=spec["summary"],
                topics=[topics[slug] for slug in spec["topics"]],
                last_reviewed=spec["reviewed"],
                content_owner=spec["owner"],
                content_owner_email=OWNER_EMAILS.get(spec["owner"], ""),
                body=spec["body"],
                live=False,
            )
            index.add_child(instance=page)
            new.append((page, spec))
        pages[spec["slug"]] = page
    for page, spec in new:
        if spec.get("related"):
            page.body.append(related([pages[slug] for slug in spec["related"]]))
        page.save_revision().publish()
    return pages
