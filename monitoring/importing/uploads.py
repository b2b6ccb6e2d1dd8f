"""Files uploaded in the admin: kept privately and imported in the background; a key-figure file
refused only for leaving out entities can be imported again as a confirmed partial import."""

from django.db import transaction

from monitoring.models import ImportBatch
from portal.task_queue import enqueue_with_transaction

from . import batches, storage
from .tasks import run_uploaded_import


@transaction.atomic
def queue(kind, files, *, user, year=None, token=None):
    """Keep `files` ({role: ImportFile}) and import them once this transaction commits. The
    upload form sent again with its `token` raises AlreadySubmitted (portal.submissions) with
    the first batch, and keeps and imports nothing."""
    batch = batches.start(kind, list(files.values()), user=user, year=year, token=token)
    stored = {role: storage.keep(source) for role, source in files.items()}
    return _queue(batch, stored, partial=False)


def partial_offer(batch):
    """{"organisations": n, "estates": m} when `batch` was refused only because its file leaves
    those out, so the uploader may import it as a partial import; else None."""
    summary = batch.summary
    uncovered = summary.get("uncovered") or {}
    if (
        batch.kind == ImportBatch.Kind.KEY_FIGURES
        and batch.status == ImportBatch.Status.FAILED
        and summary.get("stored")
        and not summary.get("partial")
        and any(uncovered.values())
    ):
        return uncovered
    return None


@transaction.atomic
def queue_partial(refused, *, user, token=None):
    """Import the refused batch's kept file again, as the partial import the user confirmed.
    The confirmation sent again with its `token` raises AlreadySubmitted with the first batch."""
    stored = refused.summary["stored"]
    files = {role: storage.load(name) for role, name in stored.items()}
    batch = batches.start(
        refused.kind, list(files.values()), user=user, year=refused.year, token=token
    )
    return _queue(batch, stored, partial=True)


def _queue(batch, stored, *, partial):
    batch.summary = {**batch.summary, "stored": stored}
    batch.save(update_fields=["summary"])
    enqueue_with_transaction(run_uploaded_import, batch.pk, stored, partial)
    return batch
