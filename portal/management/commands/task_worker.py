from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from portal import task_worker


class Command(DatabaseWorkerCommand):
    help = (
        "Runs the background tasks (django-tasks' database worker), putting back in the queue "
        "the tasks a killed worker of this host left running, and starting again after a "
        "database error. Takes db_worker's options but --worker-id and --reload."
    )

    def handle(self, *, verbosity, queue_name, exclude_queues, **options):
        self.configure_logging(verbosity)
        task_worker.run(
            queue_names=queue_name.split(","),
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
            **{
                name: options[name]
                for name in ("interval", "batch", "backend_name", "startup_delay", "max_tasks")
            },
        )
