"""The demo's background work: the task worker and the cron scheduler as threads (R32).

`make demo` → `manage.py run_demo` calls ``start()`` before runserver (which runs without the
autoreloader, so the threads live exactly as long as the demo process). Signal handling stays
with the main thread; the threads are daemons and end with the process. In production the same
two things run as their own services: `manage.py db_worker` and `manage.py crontask`.
"""

import logging
import threading

from prongsai.core.appmodules import app_modules

logger = logging.getLogger(__name__)
_started = False


def _load_periodic_jobs() -> None:
    from . import tasks  # noqa: F401  (the scheduler learns every job by importing it)

    for _module in app_modules("tasks"):
        pass  # importing declares the app's periodic jobs


def _run_worker() -> None:
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(
        queue_names=["*"],
        interval=1,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="demo-worker",
        excluded_queue_names=[],
    )
    while True:  # a crashing task must not end the demo's worker
        try:
            worker.run()
            return
        except Exception:
            logger.exception("demo worker stopped; restarting")


def _run_scheduler() -> None:
    from crontask import scheduler

    scheduler.start()


def _catch_up() -> None:
    """Run at once every job that is overdue, so a fresh demo shows no missed runs for long."""
    from . import tasks
    from .jobrunner import missed_runs

    for missed in missed_runs():
        task = getattr(tasks, missed.spec.name, None)
        if task is not None:
            task.enqueue()


def start(stdout) -> None:
    global _started
    if _started:
        return
    _started = True
    _load_periodic_jobs()
    _catch_up()
    threading.Thread(target=_run_worker, name="prongsai-worker", daemon=True).start()
    threading.Thread(target=_run_scheduler, name="prongsai-scheduler", daemon=True).start()
    stdout.write("งานเบื้องหลัง: worker และ scheduler ทำงานในโปรเซสเดียวกับเว็บสาธิตแล้ว")
