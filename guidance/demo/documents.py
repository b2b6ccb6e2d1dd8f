"""Demo documents: small but valid PDF files, stored once as portal documents."""

from django.core.files.base import ContentFile

from portal.demo import files
from portal.models import PortalDocument


def pdf_document(title, filename, lines, description=""):
    """The portal document with `title`, created as a PDF if it does not exist."""
    existing = PortalDocument.objects.filter(title=title).first()
    if existing:
        return existing
    document = PortalDocument(title=title, description=description)
    document.file.save(filename, ContentFile(files.pdf(title, lines)), save=False)
    document.save()
    return document
