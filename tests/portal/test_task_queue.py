"""A task queued with the database backend belongs to the transaction of the write it is about:
it is there before the commit, and gone if the write is rolled back."""

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from portal.task_queue import enqueue_with_transaction

pytestmark = pytest.mark.django_db


class RolledBack(Exception):
    pass


def test_the_task_commits_and_rolls_back_with_the_transaction(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    from network.emails import send_notification_email

    with pytest.raises(RolledBack), transaction.atomic():
        enqueue_with_transaction(send_notification_email, 1)
        assert DBTaskResult.objects.count() == 1, "queued before the transaction commits"
        raise RolledBack

    assert not DBTaskResult.objects.exists()


def test_another_backend_is_called_once_the_transaction_commits(
    django_capture_on_commit_callbacks,
):
    from network.emails import send_notification_email

    with django_capture_on_commit_callbacks() as callbacks:
        enqueue_with_transaction(send_notification_email, 1)

    assert len(callbacks) == 1
