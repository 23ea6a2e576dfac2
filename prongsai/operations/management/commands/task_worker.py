"""The task worker: django-tasks-db's ``db_worker``, named by host and process, and first putting
back in the queue the tasks a killed worker of this host left running (operations.taskrecovery)."""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from prongsai.operations.taskrecovery import requeue_orphaned_tasks, worker_id


class Command(DatabaseWorkerCommand):
    help = "Run the background task worker (e-mail, purges, reports, periodic jobs)."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(worker_id=None)

    def handle(self, *args, **options):
        options["worker_id"] = options.get("worker_id") or worker_id()
        for task_id in requeue_orphaned_tasks():
            self.stdout.write(f"requeued task {task_id}: its worker is gone")
        return super().handle(*args, **options)
