"""Builds the guidance pages from their content files, then links related guidance between them.

Each page is a Markdown file in `content/`, `NN-slug.md`, read in the order of the numbers. Its
front matter holds title, summary, topics (topic slugs), published (the date it was first
published), reviewed_days_ago (so a demo loaded any day has a few pages due for review, as a
well-kept site has), owner (its e-mail address from `owners.yaml`) and related (slugs of other guidance pages); its body is read by
`page_body`.
"""

import datetime

from django.utils import timezone

from guidance.models import GuidancePage, Topic
from portal.demo import published_on

from . import content_files


def specs():
    """Each page's fields, with its body as StreamField blocks."""
    return [{**meta, "slug": slug, "body": body} for slug, meta, body in content_files.read("")]


def related(pages, heading="Relateret vejledning"):
    return ("related", {"heading": heading, "pages": list(pages)})


def load_guidance(index):
    """Create missing pages as drafts first, so each can be published once with its links."""
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    owner_emails = content_files.data("owners.yaml")
    today = timezone.localdate()
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
                last_reviewed=today - datetime.timedelta(days=spec["reviewed_days_ago"]),
                content_owner=spec["owner"],
                content_owner_email=owner_emails.get(spec["owner"], ""),
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
        published_on(page, spec["published"], max(spec["published"], page.last_reviewed))
    return pages
