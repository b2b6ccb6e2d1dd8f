"""Analyses and reports, from `content/publications/`, each with its PDF: kind, date, summary,
topics and the document (title, filename, lines of text) in the front matter."""

from guidance.models import PublicationAttachment, PublicationPage, Topic
from portal.demo import child

from . import content_files
from .documents import pdf_document


def load_publications(index):
    for slug, meta, body in content_files.read("publications"):
        document = pdf_document(**meta["document"])
        child(
            index,
            PublicationPage,
            slug,
            published=meta["date"],
            title=meta["title"],
            kind=meta["kind"],
            publication_date=meta["date"],
            summary=meta["summary"],
            topics=list(Topic.objects.filter(slug__in=meta["topics"])),
            body=body,
            attachments=[PublicationAttachment(document=document, title="Hent hele publikationen")],
        )
