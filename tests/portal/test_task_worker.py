"""The task worker (`manage.py task_worker`): a task left running by a killed worker of this host
runs again when the worker starts; one that a live worker, or a worker elsewhere, runs is left
alone."""

import os
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django_tasks import task
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from portal import task_worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def claimed_task(settings):
    """A queued task, claimed by the worker of the given id (as `db_worker` claims it)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from network.emails import send_notification_email

    def claimed_by(worker):
        result = send_notification_email.using(backend="default").enqueue(0)
        row = DBTaskResult.objects.get(pk=result.id)
        row.claim(worker)
        return row

    return claimed_by


def finished_process_id():
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


# The worker closes its database connection after each task, as in production; inside a test's
# rolled-back transaction that would end the test's own connection, so this test commits.
@pytest.mark.django_db(transaction=True)
def test_a_task_left_running_by_a_killed_worker_runs_when_the_worker_starts(claimed_task):
    task = claimed_task(task_worker.worker_id(finished_process_id()))

    call_command("task_worker", "--batch", "--no-startup-delay", verbosity=0)

    task.refresh_from_db()
    assert task.status == TaskResultStatus.SUCCESSFUL
    assert len(task.worker_ids) == 2


def test_a_task_of_a_live_worker_or_of_another_host_is_left_running(claimed_task):
    live = claimed_task(task_worker.worker_id(os.getppid()))
    elsewhere = claimed_task("another-host:1")

    assert task_worker.requeue_abandoned() == 0

    assert set(
        DBTaskResult.objects.filter(pk__in=[live.pk, elsewhere.pk]).values_list("status", flat=True)
    ) == {TaskResultStatus.RUNNING}


RUNS = []


@task()
def loses_the_database_once():
    """Fails as a task does when PostgreSQL restarts under it, the first time only."""
    RUNS.append(len(RUNS))
    if len(RUNS) == 1:
        raise OperationalError("terminating connection due to administrator command")


@pytest.mark.django_db(transaction=True)
def test_a_task_that_lost_the_database_runs_again(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    RUNS.clear()
    result = loses_the_database_once.using(backend="default").enqueue()

    call_command("task_worker", "--batch", "--no-startup-delay", verbosity=0)

    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert len(RUNS) == 2 and len(row.worker_ids) == 2
