"""A group's document library: who may add and remove documents, saved atomically."""

from django.db import transaction
from django.utils.translation import gettext as _

from network import access
from network.files.storage import removed_on_error
from network.models import GroupDocument
from network.posting import Refused, check_may_write
from portal.text import visible_text


@transaction.atomic
def add_document(user, group, checked, *, title="", folder="", description=""):
    """Members who may post add documents; the title defaults to the file's name. Title and
    folder, like file names, keep only visible text: no direction overrides."""
    check_may_write(user, group)
    document = GroupDocument(
        group=group,
        uploaded_by=user,
        title=visible_text(title) or checked.name,
        folder=visible_text(folder),
        description=description.strip(),
    )
    with removed_on_error() as written:
        document.set_upload(checked)
        written.append(document.file)
        document.save()
    return document


def may_delete(user, document):
    return document.uploaded_by_id == user.pk or access.may_moderate(user, document.group)


@transaction.atomic
def delete_document(user, document):
    """The uploader or a moderator removes a document; its file goes after the commit."""
    if not may_delete(user, document):
        raise Refused(_("Kun den, der har lagt dokumentet op, eller en moderator kan slette det."))
    document.delete()
