"""The admin upload's import, run in the background by the task worker."""

from django.utils.translation import gettext as _
from django_tasks import task

from monitoring.models import ImportBatch
from portal import access

from . import batches, storage
from .imports import import_entities, import_key_figures
from .problems import Problems


@task()
def run_uploaded_import(batch_id, stored_names, partial=False):
    """Import the stored files into the waiting batch.

    `stored_names` has "key_figures", or "organisations" and/or "estates"; `partial` is the
    uploader's confirmation that a key-figure file may leave entities out. The uploader's right
    to import is checked again now: it may have been withdrawn since the upload.
    """
    batch = ImportBatch.objects.select_related("created_by").get(pk=batch_id)
    user = batch.created_by
    if user is None or not access.may_edit_content(user):
        problems = Problems()
        problems.add(_("Brugeren, der uploadede filen, må ikke længere indlæse data."))
        batches.fail(batch, problems)
        return
    files = {kind: storage.load(name) for kind, name in stored_names.items()}
    if batch.kind == ImportBatch.Kind.KEY_FIGURES:
        import_key_figures(files["key_figures"], year=batch.year, partial=partial, batch=batch)
    else:
        import_entities(files.get("organisations"), files.get("estates"), batch=batch)
