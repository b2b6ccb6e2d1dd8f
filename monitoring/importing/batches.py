"""The life of an ImportBatch: started before the work, finished inside the work's transaction
on success, and recorded as failed after the rollback, so a rejected file is kept on record."""

import hashlib

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from monitoring.models import ImportBatch
from portal.submissions import create_once

from .problems import Problems


class Rejected(Exception):
    """Validation found problems: roll back and record them."""


def start(kind, sources, *, user=None, year=None, token=None):
    """A running batch for `sources` (ImportFiles; several for an entity import). A form's
    `token` already kept raises portal.submissions.AlreadySubmitted with the first batch."""
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.content)
    return create_once(
        ImportBatch,
        token,
        kind=kind,
        year=year,
        file_name=" + ".join(source.name for source in sources)[:255],
        checksum=digest.hexdigest(),
        created_by=user if user is not None and user.is_authenticated else None,
        summary={"files": [{"name": s.name, "sha256": s.checksum} for s in sources]},
    )


def run(batch, work):
    """Run `work(batch, problems)` in one transaction; it returns the summary or raises
    Rejected. Returns the finished batch."""
    problems = Problems()
    try:
        with transaction.atomic():
            summary = work(batch, problems)
            if problems:
                raise Rejected
            batch.status = ImportBatch.Status.SUCCEEDED
            batch.summary = {**batch.summary, **summary}
            batch.finished_at = timezone.now()
            batch.save()
    except Rejected:
        fail(batch, problems)
    except Exception:
        problems.add(_("Importen stoppede med en uventet fejl. Kontakt driften."))
        fail(batch, problems)
        raise
    return batch


def fail(batch, problems):
    batch.status = ImportBatch.Status.FAILED
    batch.errors = problems.as_list()
    batch.summary = {**batch.summary, "error_count": len(problems)}
    batch.finished_at = timezone.now()
    batch.save()
