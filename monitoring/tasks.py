"""Background flag evaluation (django-tasks), queued after commit so it sees committed data."""

from dataclasses import asdict

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from . import evaluation
from .notifications import send_flag_digests


@task()
def evaluate_flags(year: int | None = None, notify: bool = False) -> dict:
    """Re-evaluate every active rule and store the flags; after an import (`notify`), e-mail the
    caseworkers of municipalities that got new red flags. Returns the summary counts."""
    started = timezone.now()
    summary = evaluation.evaluate(year=year)
    if notify:
        send_flag_digests.enqueue(started.isoformat())
    return asdict(summary)


def schedule_evaluation(using=None, notify=False):
    """Queue one evaluation when the current transaction commits (at once outside one).

    Several triggers in one transaction (a rule saved, then its revision) queue it only once.
    """
    enqueue = _enqueue_and_notify if notify else _enqueue
    connection = transaction.get_connection(using)
    if connection.in_atomic_block and any(
        callback is enqueue for _, callback, _ in connection.run_on_commit
    ):
        return
    transaction.on_commit(enqueue, using=using)


def _enqueue():
    evaluate_flags.enqueue()


def _enqueue_and_notify():
    evaluate_flags.enqueue(notify=True)
