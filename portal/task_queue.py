"""Queueing a task with the write it is about, so that neither is kept without the other.

With the database backend (production's) the task row is written in the current transaction:
it commits with the write or rolls back with it, and a process killed, or a database restarted,
between the commit and the queueing can no longer keep the write and lose its e-mail or import.
Another backend (the tests' immediate one) is called once the transaction commits, so a task
never sees a row that was rolled back either way.
"""

from django.db import transaction
from django_tasks_db import DatabaseBackend


def enqueue_with_transaction(task, *args, **kwargs):
    if isinstance(task.get_backend(), DatabaseBackend):
        task.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(lambda: task.enqueue(*args, **kwargs))
