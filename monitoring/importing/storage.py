"""Uploaded import files are kept outside the public media folder: no URL ever serves them."""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage

from .reading import ImportFile


def import_storage():
    """Read per call, so a deployment (or a test) can point IMPORT_ROOT elsewhere."""
    root = Path(settings.IMPORT_ROOT)
    return FileSystemStorage(location=root)


def keep(source):
    """Save an ImportFile under a fresh folder; returns the stored name."""
    return import_storage().save(f"{uuid.uuid4().hex}/{source.name}", ContentFile(source.content))


def load(stored_name):
    with import_storage().open(stored_name, "rb") as file:
        return ImportFile(Path(stored_name).name, file.read())
