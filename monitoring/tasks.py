"""Background flag evaluation (django-tasks), queued after commit so it sees committed data."""

from dataclasses import asdict

from django.db import transaction
from django_tasks import task

from . import evaluation


@task()
def evaluate_flags(year: int | None = None) -> dict:
    """Re-evaluate every active rule and store the flags; returns the summary counts."""
    return asdict(evaluation.evaluate(year=year))


def schedule_evaluation(using=None):
    """Queue one evaluation when the current transaction commits (at once outside one).

    Several triggers in one transaction (a rule saved, then its revision) queue it only once.
    """
    connection = transaction.get_connection(using)
    if connection.in_atomic_block and any(
        callback is _enqueue for _, callback, _ in connection.run_on_commit
    ):
        return
    transaction.on_commit(_enqueue, using=using)


def _enqueue():
    evaluate_flags.enqueue()
