"""The background worker as production runs it: django-tasks' database worker, made to survive
what the fault test does to it (bench/faults.py).

A worker killed in the middle of a task (out of memory, a lost host, `kill -9`) leaves the task
marked as running for ever, and django-tasks' worker gives up at the first database error, such
as PostgreSQL restarting. This worker names itself after its host and process, puts back in the
queue the tasks that workers of this host left running when they died, and starts again after a
database error. Tasks may therefore run more than once: each must be safe to repeat (a claim,
an upsert, or a replace, as the portal's are).
"""

import logging
import os
import socket
import time

from django.db import InterfaceError, OperationalError, connections
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)
RETRY_SECONDS = 2
# A task that lost its database connection runs again, up to this many runs in all.
MAX_RUNS = 5
DATABASE_LOST = {
    f"{error.__module__}.{error.__qualname__}" for error in (OperationalError, InterfaceError)
}


class PortalWorker(Worker):
    """django-tasks' database worker that queues again a task cut short by a lost database."""

    def run_task(self, db_task_result):
        super().run_task(db_task_result)
        if (
            db_task_result.status == TaskResultStatus.FAILED
            and db_task_result.exception_class_path in DATABASE_LOST
            and len(db_task_result.worker_ids) < MAX_RUNS
        ):
            DBTaskResult.objects.filter(pk=db_task_result.pk).update(
                status=TaskResultStatus.READY, started_at=None, finished_at=None
            )
            logger.warning("Task %s lost the database; queued again", db_task_result.pk)


def worker_id(pid=None):
    return f"{socket.gethostname()[:40]}:{pid or os.getpid()}"


def requeue_abandoned():
    """Put back in the queue the tasks left running by this host's workers that are gone (or by
    this process, which runs none while it calls this); returns how many."""
    host = worker_id().rsplit(":", 1)[0] + ":"
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
    abandoned = [
        pk
        for pk, worker_ids in running.values_list("pk", "worker_ids")
        if worker_ids and worker_ids[-1].startswith(host) and _gone(worker_ids[-1])
    ]
    count = running.filter(pk__in=abandoned).update(status=TaskResultStatus.READY, started_at=None)
    if count:
        logger.warning("Task worker: %s abandoned tasks put back in the queue", count)
    return count


def _gone(worker):
    pid = int(worker.rsplit(":", 1)[1])
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def run(**options):
    """Run the database worker with `options` (db_worker's); again after a database error."""
    while True:
        try:
            requeue_abandoned()
            worker = PortalWorker(worker_id=worker_id(), **options)
            worker.configure_signals()
            try:
                worker.run()
            finally:
                worker.reset_signals()
            return
        except (OperationalError, InterfaceError) as error:
            logger.error("Task worker lost the database (%s); again in %s s", error, RETRY_SECONDS)
            connections.close_all()
            time.sleep(RETRY_SECONDS)
