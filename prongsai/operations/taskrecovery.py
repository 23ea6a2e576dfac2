"""Tasks left running by a worker that died (SIGKILL, out of memory, power cut) run again.

django-tasks-db marks a task RUNNING when a worker claims it and never looks at it again: a
worker killed mid-task leaves it RUNNING for ever, and an e-mail it was sending is never sent.
``manage.py task_worker`` (what the worker unit runs) names each worker process
``<host>:<pid>:<process start>`` and, before it takes its first task, puts back in the queue
every task claimed by a worker of this host whose process is gone (the start time tells a
reused pid from the worker that claimed the task). Tasks claimed on another host are left
alone: their processes cannot be seen from here. The project's tasks are safe to run again
(``core.notify.deliver`` sends a keyed e-mail once; periodic jobs record each run). ADR 0266.
"""

import os
import socket

from django.db import transaction

from prongsai.core.audit import log

HOST_CHARACTERS = 40  # django-tasks-db keeps at most 64 characters of a worker id


def _process_start(pid: int) -> str | None:
    """The process's start time in clock ticks since boot (/proc/<pid>/stat, field 22)."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            stat = handle.read()
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may hold spaces: split after it.
    return stat.rsplit(")", 1)[1].split()[19]


def _host() -> str:
    return socket.gethostname()[:HOST_CHARACTERS]


def worker_id(pid: int | None = None) -> str:
    pid = pid or os.getpid()
    return f"{_host()}:{pid}:{_process_start(pid) or 0}"


def worker_is_gone(claimed_by: str) -> bool:
    """True only when the worker is known to be dead: this host, and its process is not there."""
    parts = claimed_by.rsplit(":", 2)
    if len(parts) != 3 or parts[0] != _host():
        return False
    host, pid, started = parts
    try:
        pid = int(pid)
    except ValueError:
        return False
    return _process_start(pid) != started


def requeue_orphaned_tasks() -> list[str]:
    """Put every RUNNING task whose worker is gone back in the queue; returns their ids."""
    from django.tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    requeued = []
    for task_result in DBTaskResult.objects.running():
        claimed_by = (task_result.worker_ids or [""])[-1]
        if not worker_is_gone(claimed_by):
            continue
        with transaction.atomic():
            # Only if still RUNNING: a worker that finished it meanwhile has the last word.
            changed = DBTaskResult.objects.filter(
                pk=task_result.pk, status=TaskResultStatus.RUNNING
            ).update(status=TaskResultStatus.READY, started_at=None)
            if changed:
                log(
                    instance=task_result,
                    action="prongsai.operations.task_requeued",
                    data={"task": task_result.task_path, "worker": claimed_by},
                )
                requeued.append(str(task_result.pk))
    return requeued
