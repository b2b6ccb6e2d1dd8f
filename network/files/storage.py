"""Where shared files are kept: a folder no URL points to, under fresh random names."""

import os
import uuid
from contextlib import contextmanager

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.utils.deconstruct import deconstructible


@deconstructible
class NetworkFileStorage(FileSystemStorage):
    """NETWORK_FILES_ROOT, read per use (a test or deployment may move it), and without a URL:
    `url()` raises, so no template can link past the permission-checked views."""

    base_url = None

    @property
    def base_location(self):
        return settings.NETWORK_FILES_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)


def stored_name(instance, filename):
    """A random name in the model's folder; only the extension comes from the checked name."""
    extension = os.path.splitext(filename)[1]
    return f"{instance.STORAGE_FOLDER}/{uuid.uuid4().hex}{extension}"


def delete_after_commit(stored_file):
    """Remove the file once the row's deletion is committed; a rollback keeps both."""
    storage, name = stored_file.storage, stored_file.name
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@contextmanager
def removed_on_error():
    """Collect the files written in the block; if it fails, remove them, since the rolled-back
    rows that named them are gone."""
    written = []
    try:
        yield written
    except BaseException:
        for stored_file in written:
            stored_file.storage.delete(stored_file.name)
        raise
