"""Builds guidance pages from the content modules, then links related guidance between them.

A page spec is a dict: slug, title, summary, topics (topic slugs), reviewed (date), owner,
body (blocks from `blocks`) and optionally related (slugs of other guidance pages).
"""

from guidance.models import GuidancePage, Topic
from portal.demo import child

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
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    all_specs = specs()
    pages = {}
    for spec in all_specs:
        pages[spec["slug"]] = child(
            index,
            GuidancePage,
            spec["slug"],
            title=spec["title"],
            summary=spec["summary"],
            topics=[topics[slug] for slug in spec["topics"]],
            last_reviewed=spec["reviewed"],
            content_owner=spec["owner"],
            content_owner_email=OWNER_EMAILS.get(spec["owner"], ""),
            body=spec["body"],
        )
    for spec in all_specs:
        _link_related(pages[spec["slug"]], [pages[slug] for slug in spec.get("related", ())])
    return pages


def _link_related(page, related_pages):
    """Append the related-guidance block once; pages must exist before they can be linked."""
    if not related_pages or any(block.block_type == "related" for block in page.body):
        return
    page.body.append(related(related_pages))
    page.save_revision().publish()
